// Loads one function bundle in a fresh Node process, as Lambda does, calls its exported handler
// with each event of a JSON file and writes the results to another (stdout belongs to the logs).
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const [bundle, eventsFile, resultsFile] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(bundle).href);
const context = { awsRequestId: 'e2e', functionName: 'e2e', getRemainingTimeInMillis: () => 10_000 };
const results = [];
for (const event of JSON.parse(readFileSync(eventsFile, 'utf8'))) results.push(await handler(event, context));
writeFileSync(resultsFile, JSON.stringify(results));
