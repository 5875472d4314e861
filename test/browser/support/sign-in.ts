import { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../../utils/identity';
import { Language, TEXTS } from './languages';
import { totpCode } from './totp';

type Texts = (typeof TEXTS)[Language];

/** Email and password on the first step of sign-in, sent with its button. */
export async function submitCredentials(
  page: Page,
  t: Texts,
  email: string,
  password = TEST_PASSWORD,
): Promise<void> {
  await page.getByRole('textbox', { name: t.signIn.email }).fill(email);
  await page.getByLabel(t.signIn.password, { exact: false }).fill(password);
  await page.getByRole('button', { name: t.signIn.submit }).click();
}

/** A code typed in the code field of the verify or enrol step and sent with its button. */
export async function submitCode(page: Page, t: Texts, code: string): Promise<void> {
  await page.getByRole('textbox', { name: t.signIn.code }).fill(code);
  await page.getByRole('button', { name: t.signIn.verify }).click();
}

/** The key the enrol step shows for the authenticator app (grouped in fours for reading). */
export async function shownSecret(page: Page, t: Texts): Promise<string> {
  const shown = await page.getByRole('textbox', { name: t.signIn.secret }).inputValue();
  if (!/^([A-Z2-7]{4} )*[A-Z2-7]{1,4}$/.test(shown))
    throw new Error(`not shown in groups of four: "${shown}"`);
  const secret = shown.replaceAll(' ', '');
  if (!/^[A-Z2-7]{16,}$/.test(secret)) throw new Error(`not a base32 TOTP key: "${secret}"`);
  return secret;
}

/**
 * Signs in through the screens up to the first screen of the user's menu: enrolling TOTP when the
 * account must (the key it returns is the authenticator's) or verifying with `secret` when it has
 * TOTP on.
 */
export async function signInThroughScreens(
  page: Page,
  t: Texts,
  email: string,
  secret?: string,
): Promise<string | undefined> {
  await submitCredentials(page, t, email);
  const enrol = page.getByRole('heading', { name: t.signIn.enrolTitle });
  const verify = page.getByRole('heading', { name: t.signIn.codeTitle });
  const signedIn = signedInMenu(page, t);
  await enrol.or(verify).or(signedIn).waitFor();
  if (await enrol.isVisible()) {
    secret = await shownSecret(page, t);
    await submitCode(page, t, await totpCode(secret));
    await page.getByRole('button', { name: t.signIn.continue }).click();
  } else if (await verify.isVisible()) {
    if (!secret) throw new Error('The account asks for a TOTP code and the test has no key');
    await submitCode(page, t, await totpCode(secret));
  }
  await signedIn.waitFor();
  return secret;
}

/** The main menu: shown only once signed in, on every screen. */
export function signedInMenu(page: Page, t: Texts) {
  return page.getByRole('navigation', { name: t.nav.label });
}

/** Opens the account page from the menu, from wherever the user is. */
export async function openAccountPage(page: Page, t: Texts): Promise<void> {
  await signedInMenu(page, t).getByRole('link', { name: t.nav.account }).click();
  await page.getByRole('heading', { name: t.home.title }).waitFor();
}

/** Chooses a language with the switch every screen has, labelled in the language shown now. */
export async function switchLanguage(page: Page, from: Language, to: Language): Promise<void> {
  await page.getByRole('combobox', { name: TEXTS[from].language.label }).click();
  await page.getByRole('option', { name: TEXTS[to].language[to] }).click();
  await page.locator(`html[lang="${to}"]`).waitFor({ state: 'attached' });
}
