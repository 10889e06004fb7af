import { describe, expect, test } from 'vitest';
import { isStaffPath, serviceForPath, STAFF_PATHS } from '../../functions/core/routes.js';
import { STAFF_SECTIONS, staffSectionsFor } from '../../functions/core/session/sections.js';
import { APP_FACTORIES, createLocalApp } from '../../functions/local-server.js';
import { areaConfig, testKit } from '../support/deps.js';
import { sessionCookie } from '../support/session.js';

describe('the registry of staff sections', () => {
  test.each(STAFF_SECTIONS)('$path is answered by the $service service for its roles', async (section) => {
    const kit = await testKit({ area: 'jamtland' });
    const app = APP_FACTORIES[section.service](kit.deps);
    const cookie = await sessionCookie(kit.deps, { roles: [section.roles[0]!], org: '2380' });
    const res = await app.request(section.path, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(serviceForPath(section.path)).toBe(section.service);
  });

  test('the landing page links only to sections that exist, of enabled services, for the person’s roles', () => {
    const config = areaConfig('jamtland');
    expect(staffSectionsFor(config, { sub: 'm', roles: ['moderator'] }).map((s) => s.path)).toEqual(['/personal/tyck-till']);
    expect(staffSectionsFor(config, { sub: 'e', roles: ['editor'], org: '2380' }).map((s) => s.path)).toEqual([
      '/personal/hitta-stod',
      '/personal/hitta-stod/samverkan',
      '/personal/utbildningar',
      '/personal/uppfoljning',
    ]);
    const noFeedback = { ...config, modules: { ...config.modules, feedback: false } };
    expect(staffSectionsFor(noFeedback, { sub: 'a', roles: ['admin'] }).map((s) => s.service)).toEqual([
      'directory',
      'directory',
      'calendar',
      'indicators',
    ]);
  });

  test('the staff paths go to the staff function; a section to its service', async () => {
    for (const path of STAFF_PATHS) {
      expect(serviceForPath(path)).toBeUndefined();
      expect(isStaffPath(path)).toBe(true);
    }
    expect(isStaffPath('/personal/not-built-yet')).toBe(true);
    expect(isStaffPath('/personalen')).toBe(false);
    const kit = await testKit({ area: 'jamtland' });
    const app = createLocalApp(kit.deps);
    const res = await app.request('/personal/not-built-yet', {
      headers: { accept: 'text/html', cookie: await sessionCookie(kit.deps, { roles: ['admin'] }) },
    });
    expect(res.status).toBe(404);
    expect((await app.request('/personal')).headers.get('location')).toBe('/logga-in?tillbaka=%2Fpersonal');
  });
});
