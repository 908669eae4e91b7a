import { Logger } from '@nestjs/common';
import { LogTransport } from './log.transport';

describe('the log transport', () => {
  it('never writes a message text or a full recipient to the log', async () => {
    const spy = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      const t = new LogTransport();
      await t.send({ channel: 'sms', to: '13812345678', subject: '邀请', text: 'token=abc.def.secret' });
      await t.send({ channel: 'email', to: 'li.si@example.cn', subject: '邀请', text: 'token=abc.def.secret' });
      const logged = JSON.stringify(spy.mock.calls);
      expect(logged).not.toContain('secret');
      expect(logged).not.toContain('13812345678');
      expect(logged).not.toContain('li.si@');
      expect(logged).toContain('138****5678');
    } finally {
      spy.mockRestore();
    }
  });
});
