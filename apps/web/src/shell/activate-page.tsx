import { Button, List, ListItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { isProblem } from '../api/problem';
import { ErrorSummary, type SummaryError } from './error-summary';
import { useErrorSummary } from './sign-in/use-error-summary';

const MIN_LENGTH = 12;
const MAX_LENGTH = 128;

/** The API counts characters as code points (an emoji is one), and so does this check. */
const lengthOf = (text: string) => [...text].length;

/**
 * A new account's first password, or a new one after an administrator's reset. The link carries
 * the one-time token in its fragment (`/activate#token=…`), which browsers never send to a server,
 * so it stays out of every log; it is taken off the address bar as soon as it is read.
 */
export function ActivatePage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => new URLSearchParams(location.hash.slice(1)).get('token'));
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (location.hash) void navigate({ hash: '' }, { replace: true });
  }, [location.hash, navigate]);

  function check(): SummaryError[] {
    const found: SummaryError[] = [];
    const length = lengthOf(password);
    if (!password) found.push({ fieldId: 'password', message: t('activate.passwordRequired') });
    else if (length < MIN_LENGTH)
      found.push({ fieldId: 'password', message: t('activate.passwordTooShort') });
    else if (length > MAX_LENGTH)
      found.push({ fieldId: 'password', message: t('activate.passwordTooLong') });
    if (!confirm)
      found.push({ fieldId: 'password-confirm', message: t('activate.confirmRequired') });
    else if (password && confirm !== password)
      found.push({ fieldId: 'password-confirm', message: t('activate.mismatch') });
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!token) return setErrors([{ message: t('activate.noToken') }]);
    const found = check();
    if (found.length) return setErrors(found);
    setBusy(true);
    try {
      const { error, response } = await api.POST('/api/v1/auth/activate', {
        body: { token, password },
      });
      if (response.ok) {
        void navigate('/sign-in', { replace: true, state: { activated: true } });
        return;
      }
      setErrors(problemErrors(error) ?? [{ message: t('signIn.networkError') }]);
    } catch {
      setErrors([{ message: t('signIn.networkError') }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 4 } }}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Typography variant="h4" component="h1" gutterBottom>
          {t('activate.title')}
        </Typography>
        <ErrorSummary ref={summaryRef} errors={errors} />
        <Stack spacing={2}>
          <Typography>{t('activate.hint')}</Typography>
          <div>
            <Typography variant="h6" component="h2" id="password-rules">
              {t('activate.rulesTitle')}
            </Typography>
            <List dense sx={{ listStyle: 'disc', pl: 3 }}>
              <ListItem sx={{ display: 'list-item', p: 0 }}>{t('activate.ruleLength')}</ListItem>
              <ListItem sx={{ display: 'list-item', p: 0 }}>{t('activate.ruleCommon')}</ListItem>
            </List>
            <Typography variant="body2">{t('activate.ruleAnyCharacters')}</Typography>
          </div>
          <TextField
            id="password"
            label={t('activate.password')}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={Boolean(fieldError('password'))}
            helperText={fieldError('password')}
            slotProps={{ htmlInput: { 'aria-describedby': 'password-rules' } }}
            required
          />
          <TextField
            id="password-confirm"
            label={t('activate.confirm')}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
            error={Boolean(fieldError('password-confirm'))}
            helperText={fieldError('password-confirm')}
            required
          />
          <Button type="submit" variant="contained" size="large" loading={busy}>
            {t('activate.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** The API's own words: each field error of a refused password, or the problem's detail. */
function problemErrors(error: unknown): SummaryError[] | undefined {
  if (!isProblem(error)) return undefined;
  if (error.errors?.length)
    return error.errors.map((fieldError) => ({
      fieldId: fieldError.field === 'password' ? 'password' : undefined,
      message: fieldError.message,
    }));
  return [{ message: error.detail ?? error.title }];
}
