/**
 * Reads a synthesized CloudFormation template the way SNS and KMS would decide a CloudWatch
 * alarm's publish: alarm → action → topic → topic policy (and the topic's key). Returns one
 * sentence per alarm action that could not be delivered.
 */

type Json = unknown;
interface Resource {
  readonly Type: string;
  readonly Properties?: Record<string, Json>;
}
interface Statement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: Json;
  readonly Action?: string | string[];
  readonly Resource?: Json;
  readonly Condition?: Record<string, Record<string, Json>>;
}

/** Placeholders for pseudo parameters: the alarm and the topic live in the same account and region. */
const PSEUDO: Record<string, string> = {
  'AWS::AccountId': '111122223333',
  'AWS::Region': 'eu-north-1',
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
};

/** A template value as a plain string where it can be known; `undefined` otherwise. */
function resolve(value: Json, stackName: string): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as Record<string, Json>;
    if (typeof v.Ref === 'string') return v.Ref === 'AWS::StackName' ? stackName : PSEUDO[v.Ref];
    const join = v['Fn::Join'] as [string, Json[]] | undefined;
    if (join) {
      const parts = join[1].map((p) => resolve(p, stackName));
      return parts.every((p) => p !== undefined) ? parts.join(join[0]) : undefined;
    }
  }
  return undefined;
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const glob = (pattern: string, s: string): boolean =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  ).test(s);

function namesService(principal: Json, service: string): boolean {
  if (principal === '*') return true;
  const p = (principal ?? {}) as Record<string, Json>;
  return list(p.Service as string | string[]).includes(service) || list(p.AWS as string | string[]).includes('*');
}

const allows = (actions: string | string[] | undefined, action: string): boolean =>
  list(actions).some((a) => glob(a.toLowerCase(), action.toLowerCase()));

/** Does the statement's condition hold for CloudWatch publishing alarm `alarmArn` over TLS? */
function conditionHolds(condition: Statement['Condition'], alarmArn: string, stackName: string): boolean {
  for (const [operator, entries] of Object.entries(condition ?? {})) {
    for (const [key, expected] of Object.entries(entries)) {
      const values = list(expected as Json[]).map((v) => resolve(v, stackName));
      const actual =
        key.toLowerCase() === 'aws:sourcearn'
          ? alarmArn
          : key.toLowerCase() === 'aws:sourceaccount'
            ? PSEUDO['AWS::AccountId']
            : key.toLowerCase() === 'aws:securetransport'
              ? 'true'
              : undefined;
      if (actual === undefined) return false;
      const match = (v: string | undefined) =>
        v !== undefined && (operator.startsWith('ArnLike') || operator.startsWith('StringLike') ? glob(v, actual) : v === actual);
      if (!values.some(match)) return false;
    }
  }
  return true;
}

function targets(resource: Json, id: string): boolean {
  return list(resource as Json[]).some((r) => r === '*' || (r as { Ref?: string })?.Ref === id);
}

/**
 * Every reason an alarm of `template` could not publish to its topic, e.g.
 * `ApiServerErrors → AlarmsTopic: no topic policy statement allows cloudwatch.amazonaws.com`.
 * An empty list means every alarm action would be delivered.
 *
 * @example
 * expect(undeliverableAlarms(Template.fromStack(stack).toJSON(), stack.stackName)).toEqual([]);
 */
export function undeliverableAlarms(template: { Resources?: Record<string, Resource> }, stackName: string): string[] {
  const resources = template.Resources ?? {};
  const of = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const problems: string[] = [];
  for (const [alarmId, alarm] of of('AWS::CloudWatch::Alarm')) {
    const p = alarm.Properties ?? {};
    const name = typeof p.AlarmName === 'string' ? p.AlarmName : `${stackName}-${alarmId}-ABCDEF123456`;
    const alarmArn = `arn:aws:cloudwatch:eu-north-1:${PSEUDO['AWS::AccountId']}:alarm:${name}`;
    const actions = [...list(p.AlarmActions as Json[]), ...list(p.OKActions as Json[])];
    if (list(p.AlarmActions as Json[]).length === 0) problems.push(`${alarmId}: no alarm action`);
    for (const action of actions) {
      const topicId = (action as { Ref?: string }).Ref;
      const topic = topicId ? resources[topicId] : undefined;
      if (!topicId || topic?.Type !== 'AWS::SNS::Topic') {
        problems.push(`${alarmId}: action ${JSON.stringify(action)} is not a topic of this stack`);
        continue;
      }
      const where = `${alarmId} → ${topicId}`;
      const statements = of('AWS::SNS::TopicPolicy')
        .filter(([, r]) => list(r.Properties?.Topics as Json[]).some((t) => (t as { Ref?: string }).Ref === topicId))
        .flatMap(([, r]) => list((r.Properties?.PolicyDocument as { Statement: Statement[] }).Statement));
      // With no topic policy at all, SNS's default policy lets the owning account's services publish.
      if (statements.length > 0) {
        const applies = (s: Statement) =>
          namesService(s.Principal, 'cloudwatch.amazonaws.com') && allows(s.Action, 'sns:Publish') && targets(s.Resource, topicId);
        const denied = statements.filter((s) => s.Effect === 'Deny' && applies(s) && conditionHolds(s.Condition, alarmArn, stackName));
        const allowed = statements.filter((s) => s.Effect === 'Allow' && applies(s) && conditionHolds(s.Condition, alarmArn, stackName));
        if (denied.length > 0) problems.push(`${where}: a topic policy statement denies the publish`);
        else if (allowed.length === 0) problems.push(`${where}: no topic policy statement allows cloudwatch.amazonaws.com to publish`);
      }
      const keyRef = topic.Properties?.KmsMasterKeyId;
      if (keyRef === undefined) continue;
      const keyId = (keyRef as { Ref?: string }).Ref ?? (keyRef as { 'Fn::GetAtt'?: string[] })['Fn::GetAtt']?.[0];
      const key = keyId ? resources[keyId] : undefined;
      if (key?.Type !== 'AWS::KMS::Key') {
        problems.push(`${where}: the topic's key ${JSON.stringify(keyRef)} is not a key of this stack whose policy can be read`);
        continue;
      }
      const keyStatements = list((key.Properties?.KeyPolicy as { Statement: Statement[] }).Statement);
      for (const needed of ['kms:Decrypt', 'kms:GenerateDataKey']) {
        const ok = keyStatements.some(
          (s) => s.Effect === 'Allow' && namesService(s.Principal, 'cloudwatch.amazonaws.com') && allows(s.Action, needed),
        );
        if (!ok) problems.push(`${where}: the topic's key does not let CloudWatch use ${needed}`);
      }
    }
  }
  return problems;
}
