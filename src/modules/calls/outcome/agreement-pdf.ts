import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { formatYuan } from '@sanshe/common';
import type { GrantAwardedPayload } from '../grant-awarded.event';

/** CJK fonts we use when the machine has one (Debian: fonts-noto-cjk, fonts-wqy-microhei); [path, family in a .ttc]. */
const CJK_FONTS: Array<[string, string | undefined]> = [
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 'WenQuanYiMicroHei'],
  ['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 'WenQuanYiZenHei'],
];

const yuan = (fen: string) => formatYuan(fen, { grouping: true });

export interface AgreementParties {
  districtName: string;
  organisationName: string;
  creditCode: string;
  issuedOn: string;
}

/** The Chinese text of the agreement (协议正文), also embedded in the PDF as a UTF-8 attachment. */
export function agreementTextZh(p: GrantAwardedPayload, parties: AgreementParties): string {
  const lines = [
    `公益创投项目资助协议（${p.referenceNo}）`,
    `甲方：${parties.districtName}民政局`,
    `乙方：${parties.organisationName}（统一社会信用代码 ${parties.creditCode}）`,
    `项目名称：${p.projectTitle}`,
    `所属征集：${p.callTitle}`,
    `资助金额：人民币 ${yuan(p.amountFen)} 元；乙方配套资金 ${yuan(p.coFundingFen)} 元。`,
    `项目周期：${p.startsOn} 至 ${p.endsOn}。`,
    '拨付安排：',
    ...p.tranchePlan.map((t) => `  第${t.seq}期 ${t.name}：${t.percent}%`),
    '预算明细：',
    ...p.budgetLines.map((b) => `  ${b.code} ${b.name}：${yuan(b.amountFen)} 元`),
    '成效指标：',
    ...p.indicators.map((i) => `  ${i.code} ${i.name}：基线 ${i.baseline}，目标 ${i.target}${i.unit}`),
    '乙方应按申报书实施项目，专款专用，接受甲方及第三方评估机构的监督与评估。',
    `签发日期：${parties.issuedOn}`,
  ];
  return lines.join('\n');
}

/**
 * A real, simple PDF of the grant agreement. With a CJK font on the machine the Chinese text is the body; without one
 * (CI) the body is the English rendering in a standard font, and the Chinese text travels inside the same PDF as the
 * document's title/subject metadata and an embedded UTF-8 attachment (agreement-zh.txt), so nothing is lost.
 */
export async function renderAgreementPdf(p: GrantAwardedPayload, parties: AgreementParties): Promise<Buffer> {
  const zh = agreementTextZh(p, parties);
  const doc = new PDFDocument({
    size: 'A4', margin: 56,
    info: { Title: `公益创投项目资助协议 ${p.referenceNo}`, Subject: `${p.projectTitle} — ${parties.organisationName}`, Author: `${parties.districtName}`, Keywords: p.referenceNo },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const cjk = CJK_FONTS.find(([path]) => existsSync(path));
  let usedCjk = false;
  if (cjk) {
    try {
      doc.registerFont('cjk', cjk[0], cjk[1]);
      doc.font('cjk').fontSize(11).text(zh, { lineGap: 4 });
      usedCjk = true;
    } catch {
      usedCjk = false;
    }
  }
  if (!usedCjk) {
    doc.font('Helvetica-Bold').fontSize(16).text('Public-Interest Venture Grant Agreement', { align: 'center' });
    doc.moveDown(0.5).font('Helvetica').fontSize(11);
    const en = [
      `Reference: ${p.referenceNo}`,
      `Organisation credit code: ${parties.creditCode}`,
      `Grant amount: CNY ${yuan(p.amountFen)}   Co-funding: CNY ${yuan(p.coFundingFen)}`,
      `Project period: ${p.startsOn} to ${p.endsOn}`,
      `Tranches: ${p.tranchePlan.map((t) => `#${t.seq} ${t.percent}%`).join(', ')}`,
      `Budget lines: ${p.budgetLines.map((b) => `${b.code} CNY ${yuan(b.amountFen)}`).join('; ')}`,
      `Indicators: ${p.indicators.map((i) => `${i.code} target ${i.target}`).join('; ')}`,
      `Issued on: ${parties.issuedOn}`,
      '',
      'The Chinese text of this agreement (the binding version) is embedded in this PDF as agreement-zh.txt',
      'and in the document properties.',
    ];
    doc.text(en.join('\n'), { lineGap: 4 });
  }
  doc.file(Buffer.from(zh, 'utf8'), { name: 'agreement-zh.txt', type: 'text/plain', description: '协议正文（中文）' });
  doc.end();
  return done;
}
