import { Aws, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  type CfnUserPool,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  UserPoolEmail,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** The staff groups; the functions map them to roles. */
export const STAFF_GROUPS = ['admin', 'editor', 'moderator'] as const;

/** The invitation e-mail, in Swedish and English (`{username}` and `{####}` are filled in by Cognito). */
export const STAFF_INVITATION = {
  emailSubject: 'Ditt konto för personal / Your staff account',
  emailBody:
    'Hej! Du har fått ett konto för personal. Användarnamn: {username}. Tillfälligt lösenord: {####} ' +
    '(gäller i tre dagar; du väljer ett eget och lägger till en kodapp vid första inloggningen).<br><br>' +
    'Hello! You have a staff account. User name: {username}. Temporary password: {####} ' +
    '(valid for three days; you choose your own and add an authenticator app at first sign-in).',
} as const;

/** The verification e-mail (address change, password reset), in Swedish and English. */
export const STAFF_VERIFICATION = {
  emailStyle: VerificationEmailStyle.CODE,
  emailSubject: 'Din kod / Your code',
  emailBody:
    'Din kod är {####}. Har du inte bett om den kan du bortse från mejlet.<br><br>Your code is {####}. If you did not ask for it, ignore this e-mail.',
} as const;

/** Props of `StaffUserPool`. */
export interface StaffUserPoolProps {
  /** The area id, used in the managed-login domain prefix. */
  readonly areaId: string;
  /** The origin of the public site: managed login returns to `<origin>/auth/callback`, logout to `<origin>/`. */
  readonly callbackOrigin: string;
  /**
   * The area's brand colour (`#RRGGBB`) for managed login's buttons.
   * @default - Cognito's own colours
   */
  readonly brandColour?: string;
  /**
   * Logical id of the user pool, pinned so that a refactoring can never replace it (and lose every user).
   * @default 'StaffUserPool'
   */
  readonly logicalId?: string;
  /**
   * Send staff e-mail through SES from the county's own, SES-verified address.
   * @default - Cognito's own sender (at most 50 e-mails a day)
   */
  readonly ses?: { readonly from: string; readonly name?: string; readonly region?: string };
  /**
   * Minimum password length.
   * @default 14
   */
  readonly minPasswordLength?: number;
}

/** The path of the OIDC callback on the public site (the staff function answers it). */
export const CALLBACK_PATH = '/auth/callback';

/** Managed login's branding settings: only the primary button in the brand colour; Cognito keeps the rest. */
function brandingSettings(colour: string): Record<string, unknown> {
  const hex = `${colour.replace('#', '').toLowerCase()}ff`;
  const button = { backgroundColor: hex, textColor: 'ffffffff' };
  return {
    components: { primaryButton: { lightMode: { defaults: button, hover: button, active: button } } },
    categories: { global: { colorSchemeMode: 'LIGHT' } },
  };
}

/**
 * The staff directory of the area: invitation only (no self sign-up), e-mail sign-in, a strong
 * password policy, TOTP MFA required, threat protection enforced, the groups admin, editor and
 * moderator, and `custom:org` (a municipality code or region unit id) that only an administrator
 * can set. One public app client (authorization code with PKCE, no secret) for managed login
 * (version 2, in the area's colour); its ID tokens carry groups and org.
 */
export class StaffUserPool extends Construct {
  /** The user pool. */
  public readonly userPool: UserPool;
  /** The app client whose id the functions accept as token audience. */
  public readonly client: UserPoolClient;
  /** The managed-login domain. */
  public readonly domain: UserPoolDomain;
  /** The token issuer URL (`https://cognito-idp.<region>.amazonaws.com/<pool id>`). */
  public readonly issuer: string;
  /** Managed login's style for the client. */
  public readonly branding: CfnManagedLoginBranding;

  constructor(scope: Construct, id: string, props: StaffUserPoolProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Pool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: props.minPasswordLength ?? 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: { org: new StringAttribute({ minLen: 1, maxLen: 40, mutable: true }) },
      deletionProtection: true,
      email: props.ses
        ? UserPoolEmail.withSES({
            fromEmail: props.ses.from,
            fromName: props.ses.name,
            sesRegion: props.ses.region ?? Stack.of(this).region,
          })
        : undefined,
      userInvitation: STAFF_INVITATION,
      userVerification: STAFF_VERIFICATION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    (this.userPool.node.defaultChild as CfnUserPool).overrideLogicalId(props.logicalId ?? 'StaffUserPool');
    for (const group of STAFF_GROUPS) this.userPool.addGroup(`Group-${group}`, { groupName: group });

    this.domain = this.userPool.addDomain('Login', {
      // Prefixes are global per region: the account id keeps two counties' prefixes apart.
      cognitoDomain: { domainPrefix: `${props.areaId}-stod-${Aws.ACCOUNT_ID}` },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    const standard = { email: true, fullname: true };
    this.client = this.userPool.addClient('Client', {
      generateSecret: false,
      preventUserExistenceErrors: true,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${props.callbackOrigin}${CALLBACK_PATH}`],
        logoutUrls: [`${props.callbackOrigin}/`],
      },
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new ClientAttributes().withStandardAttributes(standard).withCustomAttributes('org'),
      // custom:org decides what a person may edit: staff cannot write it, only an administrator can.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });
    this.issuer = this.userPool.userPoolProviderUrl;
    // Managed login v2 shows a page only once a style is assigned to the client. Its texts follow
    // the browser's language among those Cognito offers (Swedish is not among them yet).
    this.branding = new CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      ...(props.brandColour ? { settings: brandingSettings(props.brandColour) } : { useCognitoProvidedValues: true }),
    });
    this.branding.node.addDependency(this.domain);
  }
}
