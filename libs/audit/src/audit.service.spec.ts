import { redactForAudit } from './audit.service';

describe('audit redaction', () => {
  it('never keeps a password, token or hash in an audit row', () => {
    const out = redactForAudit({ name: '张三', passwordHash: '$argon2id$abc', refresh_token: 'xyz', nested: { secret: 's' } });
    expect(out).toEqual({ name: '张三', passwordHash: '[redacted]', refresh_token: '[redacted]', nested: { secret: '[redacted]' } });
  });

  it('masks phones and e-mail addresses but keeps enough to recognise them', () => {
    const out = redactForAudit({ phone: '13800138000', email: 'li.si@example.cn', contact: '13912345678' }) as Record<string, string>;
    expect(out.contact).toBe('139******78');
    expect(out.phone).toBe('138******00');
    expect(out.phone).not.toContain('0013');
    expect(out.email.startsWith('li.')).toBe(true);
    expect(out.email).not.toContain('example');
  });
});
