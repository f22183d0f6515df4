/** The kiosk's words for a complaint's optional details and its reference; spread into the kiosk catalog. */
export const complaintEn = {
  'feedback.details': 'Add your details (optional)',
  'feedback.detailsHint': 'So we can get back to you',
  'feedback.name': 'Your name',
  'feedback.room': 'Room number',
  'thanks.reference': 'Your reference',
  'thanks.referenceHint': 'Please quote it if you contact us about this.',
} as const;

type ComplaintKey = keyof typeof complaintEn;

export const complaintZhHans: Record<ComplaintKey, string> = {
  'feedback.details': '留下您的信息（选填）',
  'feedback.detailsHint': '方便我们回复您',
  'feedback.name': '您的姓名',
  'feedback.room': '房间号',
  'thanks.reference': '您的投诉编号',
  'thanks.referenceHint': '如需就此事联系我们，请提供此编号。',
};

export const complaintZhHant: Record<ComplaintKey, string> = {
  'feedback.details': '留下您的資料（選填）',
  'feedback.detailsHint': '方便我們回覆您',
  'feedback.name': '您的姓名',
  'feedback.room': '房號',
  'thanks.reference': '您的投訴編號',
  'thanks.referenceHint': '如需就此事聯絡我們，請提供此編號。',
};
