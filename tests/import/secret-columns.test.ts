import { describe, expect, it } from "vitest";
import { columnWords, isSecretColumn } from "../../scripts/import/secret-columns.ts";

describe("isSecretColumn", () => {
  // Names seen in ITFlow, IT Glue and Hudu exports and in the custom fields techs add to them.
  const secret = [
    "Password", "password", "TOTP", "otp_secret", "one_time_password", "Key", "Passphrase", "Encryption Passphrase",
    "Pass Phrase", "Domain Admin Password", "Local Admin Password 2", "WiFi Password 5GHz", "Wi-Fi Key", "WPA2 Key",
    "BitLocker Recovery Key", "Recovery Key", "Product Key", "Licence key", "license_key", "api-key", "ApiKey",
    "Client Secret", "Shared Secret", "Secret", "Access Token", "Bearer Token", "PIN", "User PIN", "Door Code",
    "Alarm Code", "Alarm Disarm Code", "Backup Codes", "Private Key", "SSH Private Key", "Pre-Shared Key", "PSK",
    "Storage Account Key", "SAS Key", "Credentials", "Password Hint", "Password History", "Password (old)", "enablePassword",
    "Admin PW", "PW", "AdminPW", "BitLocker", "BitLocker Key", "Kennwort", "Passwort", "Mot de passe", "Combination", "PUK",
    "Apikey", "Wifikey", "Community String", "Recovery Phrase", "Mnemonic", "Security Answer",
  ];
  const metadata = [
    "Password Category", "password_category", "password_folder_name", "password_type", "passwordable_type",
    "passwordable_id", "Password Last Changed", "Password Expires", "Password Manager", "Token Expires", "Key Contact",
    "Key Dates", "Postal Code", "Country Code", "License Type", "Username", "Name", "URI", "login_url", "Notes",
    "Serial Number", "Spin Speed", "Passenger Lift", "Credential Name", "BitLocker Status", "Security Group",
  ];

  it.each(secret)("drops %s", (name) => {
    expect(isSecretColumn(name)).toBe(true);
  });

  it.each(metadata)("keeps %s", (name) => {
    expect(isSecretColumn(name)).toBe(false);
  });
});

describe("columnWords", () => {
  it("splits snake, kebab and camel case into lowercase words", () => {
    expect(columnWords("otp_secret")).toBe("otp secret");
    expect(columnWords("API-Key")).toBe("api key");
    expect(columnWords("enableSecret")).toBe("enable secret");
    expect(columnWords("  Wi-Fi  Key ")).toBe("wi fi key");
  });
});
