import { selectable, type ServiceCatalogue } from '../data/service-catalogue.js';
import type { FormInput } from './input.js';
import { clean, LINE, ruleText } from './text-rules.js';

/**
 * The service question: a chosen id must be one of the directory's services; a typed name must
 * lead to exactly one service (in the chosen municipality), which then becomes the answer.
 */
export function serviceAnswer(
  raw: FormInput,
  municipality: string,
  services: ServiceCatalogue | undefined,
  add: (field: string, href: string, sv: string, en: string) => void,
): Pick<FormInput, 'service' | 'serviceName'> {
  if (raw.service) {
    const href = services && !selectable(services, municipality) ? '#service-name' : '#service';
    if (!services?.byId(raw.service)) add('service', href, 'Välj en verksamhet i listan', 'Choose a service from the list');
    return { service: raw.service, serviceName: raw.serviceName };
  }
  const typed = clean(LINE(), raw.serviceName);
  if ('issue' in typed || !typed.value || !services) {
    if ('issue' in typed) {
      const rule = ruleText(typed.issue) ?? { sv: 'Namnet är för långt', en: 'The name is too long' };
      add('service', '#service-name', rule.sv, rule.en);
    }
    return { service: '', serviceName: raw.serviceName };
  }
  const match = services.find(typed.value, municipality);
  if (match.kind === 'one') return { service: match.service.id, serviceName: typed.value };
  if (match.kind === 'none')
    add(
      'service',
      '#service-name',
      'Vi hittar ingen verksamhet med det namnet. Skriv namnet på ett annat sätt, eller lämna fältet tomt',
      'We cannot find a service with that name. Write the name another way, or leave the field empty',
    );
  else if (match.kind === 'several')
    add('service', '#service-0', 'Flera verksamheter passar. Välj en av dem', 'Several services match. Choose one of them');
  else
    add(
      'service',
      '#service-name',
      'Många verksamheter passar. Skriv mer av namnet eller välj kommun',
      'Many services match. Write more of the name or choose a municipality',
    );
  return { service: '', serviceName: typed.value };
}
