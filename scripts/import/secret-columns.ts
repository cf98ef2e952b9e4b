/**
 * Columns and fields an import drops before it reads their values: a platform's known secret
 * columns (named by each source), and any whose name says it holds a secret. Matching is on the
 * name's words, so `Password`, `otp_secret`, `api-key`, `Product Key` and `Licence key` drop while
 * `Password Category`, `password_folder_name` and `Key Contact` are kept as the metadata they are.
 */
const SECRET_NAME =
  /^(?:(?:admin|user|root|local|wifi|wi fi|wpa|network|account|login|vpn|bios|enable)\s+)?(?:password|passwd|pwd|passphrase|pass phrase|passcode|pin|pin code|otp|totp|one time password|otp secret|totp secret|secret|secret key|client secret|shared secret|private key|ssh key|recovery key|licen[cs]e key|product key|serial key|activation key|key|token|api key|api token|access token|access key|auth token|bearer token|psk|pre shared key)s?$/;

/** Words of a column name, lowercased: `otp_secret` and `API-Key` and `ApiKey` become `otp secret`, `api key`. */
export function columnWords(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Whether a column or field of this name may hold a secret, whatever the platform. */
export function isSecretColumn(name: string): boolean {
  return SECRET_NAME.test(columnWords(name));
}
