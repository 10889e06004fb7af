import { readFileSync } from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { ConfigError } from '../functions/core/config/load.js';
import type { CountyConfig } from '../functions/core/config/schema.js';

/** Line and column of the `aws` key (or of the document start) in a config file. */
function awsKeyPosition(file: string): { line: number; col: number } {
  try {
    const lineCounter = new LineCounter();
    const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter });
    const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'aws') : undefined;
    const range = (pair?.key as { range?: [number, number] } | undefined)?.range;
    return range ? lineCounter.linePos(range[0]) : { line: 1, col: 1 };
  } catch {
    return { line: 1, col: 1 };
  }
}

/**
 * The AWS account the area must be deployed to. Throws `ConfigError` naming the file, the line of
 * its `aws` section and the key `aws.account` when the config names none: without it a deploy
 * would go to whatever account the credentials happen to point at.
 *
 * @example
 * const account = requireAccount(config, 'config/jamtland.yaml'); // '123456789012'
 */
export function requireAccount(config: CountyConfig, file: string): string {
  if (config.aws.account) return config.aws.account;
  const pos = awsKeyPosition(file);
  throw new ConfigError([
    {
      file,
      line: pos.line,
      column: pos.col,
      key: 'aws.account',
      sv:
        `aws.account saknas: ange AWS-kontot (tolv siffror inom citattecken) som området ${config.id} ska driftsättas i, ` +
        "till exempel account: '123456789012' under aws. (Endast för lokal granskning: -c local=true.)",
      en:
        `aws.account is missing: name the AWS account (twelve digits in quotes) that area ${config.id} is deployed to, ` +
        "e.g. account: '123456789012' under aws. (For local inspection only: -c local=true.)",
    },
  ]);
}
