import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { DomainName, HttpApi, HttpMethod, type HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { FilterPattern, LogGroup, MetricFilter, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { SECURE_DEFAULTS } from '../defaults.js';

/** A custom domain for the API (its certificate must be in the stack's region). */
export interface PublicDomain {
  readonly domainName: string;
  readonly certificateArn: string;
}

/** Props of `PublicApi`. */
export interface PublicApiProps {
  /** Steady-state requests per second and burst allowed on the default stage. */
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  /**
   * A custom domain mapped to the default stage.
   * @default - only the execute-api endpoint
   */
  readonly customDomain?: PublicDomain;
  /** Distinguishes this API's own metrics (namespace `CountyKit/<suffix>`), e.g. the area id. */
  readonly metricNamespaceSuffix: string;
  /**
   * Retention of the access log group.
   * @default RetentionDays.THREE_MONTHS
   */
  readonly logRetention?: RetentionDays;
}

/**
 * The area's public HTTP API: one default stage with throttling and JSON access logs (no
 * request bodies, no query strings, no client IP addresses: feedback is anonymous), and a custom domain when the config names one. Pages and
 * forms go through it, since a plain HTML form cannot POST to a function URL behind CloudFront.
 */
export class PublicApi extends Construct {
  /** The HTTP API. */
  public readonly api: HttpApi;
  /** Its `$default` stage. */
  public readonly stage: HttpStage;
  /** The access log group. */
  public readonly accessLogs: LogGroup;
  /** The custom domain, when configured. */
  public readonly domain: DomainName | undefined;
  /** The origin the public reaches the services at: `https://<custom domain>` or the API endpoint. */
  public readonly publicOrigin: string;
  /**
   * Requests answered 429 (throttled by the stage), counted from the access logs: HTTP APIs
   * publish 4xx as one metric. A metric filter emits nothing while nothing matches, so it costs
   * nothing when idle.
   */
  public readonly throttledRequests: Metric;

  constructor(scope: Construct, id: string, props: PublicApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', { createDefaultStage: false, description: 'County kit: public pages and APIs of the area.' });
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention ?? SECURE_DEFAULTS.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.domain = props.customDomain
      ? new DomainName(this, 'Domain', {
          domainName: props.customDomain.domainName,
          certificate: Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
        })
      : undefined;
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttle.rateLimit, burstLimit: props.throttle.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            path: '$context.path',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
      domainMapping: this.domain ? { domainName: this.domain } : undefined,
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Public pages and reads are open by design. Every write is authorised inside the function, which verifies the ' +
        "Cognito JWT (issuer, audience, expiry, signature) and the staff member's group and organisation on the same route " +
        'that serves public GETs and forms; a gateway authorizer cannot tell those apart per path prefix.',
    });
    const throttled = new MetricFilter(this, 'Throttled', {
      logGroup: this.accessLogs,
      metricNamespace: `CountyKit/${props.metricNamespaceSuffix}`,
      metricName: 'ThrottledRequests',
      filterPattern: FilterPattern.stringValue('$.status', '=', '429'),
      metricValue: '1',
    });
    this.throttledRequests = throttled.metric();
    this.publicOrigin = props.customDomain ? `https://${props.customDomain.domainName}` : this.api.apiEndpoint;
  }

  /**
   * Route every method on each prefix, and everything below it, to `fn`.
   *
   * @example
   * api.routePrefixes('Feedback', feedbackFn, ['/api/feedback', '/tyck-till']);
   */
  routePrefixes(id: string, fn: IFunction, prefixes: readonly string[]): void {
    const integration = new HttpLambdaIntegration(`${id}Integration`, fn);
    for (const prefix of prefixes) {
      this.api.addRoutes({ path: prefix, methods: [HttpMethod.ANY], integration });
      this.api.addRoutes({ path: `${prefix}/{proxy+}`, methods: [HttpMethod.ANY], integration });
    }
  }

  /** Route `GET /` (the area's start page) to `fn`. */
  routeStartPage(id: string, fn: IFunction): void {
    this.api.addRoutes({ path: '/', methods: [HttpMethod.GET], integration: new HttpLambdaIntegration(`${id}StartIntegration`, fn) });
  }
}
