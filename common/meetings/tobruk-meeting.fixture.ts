// The Tobruk meeting of the press release the project grew from
// (common/extraction/fixtures/00-tobruk-security-meeting.ar.txt), as a meeting record: the documents'
// tests draw it, print it and read it back. Names exactly as published.

import type { DocumentPerson, MeetingDocumentInput } from "./document-input";

export const MINISTER: DocumentPerson = {
  title: "وزير الداخلية",
  body: "الحكومة الليبية",
  rank: "لواء",
  name: "عصام أبوزريبة",
};
export const PUBLIC_WORKS: DocumentPerson = { title: "وزير الأشغال العامة", name: "ناصر شرح البال" };
export const INTERNAL_SECURITY: DocumentPerson = { title: "رئيس جهاز الأمن الداخلي", name: "أسامة الدرسي" };
export const MP: DocumentPerson = { title: "عضو مجلس النواب عن دائرة طبرق", name: "الصالحين عبد النبي" };
export const MAYOR: DocumentPerson = { title: "عميد بلدية طبرق", name: "فرج الخطابية" };
export const SECURITY_DIRECTOR: DocumentPerson = {
  title: "مدير أمن طبرق",
  rank: "لواء",
  name: "موسى البدين",
};

export const TOBRUK_MEETING: MeetingDocumentInput = {
  reference: "MTG-2024-000001",
  title: "الاجتماع الأمني بمدينة طبرق",
  // Sunday 14 January 2024, 10:30 in Tripoli
  startsAt: "2024-01-14T08:30:00Z",
  endsAt: "2024-01-14T10:45:00Z",
  place: "طبرق",
  venue: "مقر مديرية أمن طبرق",
  host: MINISTER,
  attendees: [PUBLIC_WORKS, INTERNAL_SECURITY, MP, MAYOR, SECURITY_DIRECTOR],
  othersPresent: "عدد من مدراء الإدارات ورؤساء الأجهزة الأمنية",
  agenda: [
    "الأوضاع الأمنية في مدينة طبرق وسبل تحسينها من خلال آلية تنفيذ خطط أمنية محددة وتعزيز التنسيق بين الأجهزة الأمنية المختلفة",
    "استعراض المشاكل والصعوبات التي تواجه عمل الجهات التابعة لوزارة الداخلية وتحديد الاحتياجات والنواقص",
  ],
  statements: [
    {
      speaker: MAYOR,
      points: [
        "على ضرورة تعزيز العمل الأمني في المنطقة، خاصة فيما يتعلق بمعبر أمساعد الحدودي، ووضع خطة شاملة لمكافحة عمليات التهريب والاتجار بالبشر",
      ],
    },
    {
      speaker: MP,
      points: [
        "على ضرورة مكافحة الجريمة والهجرة غير الشرعية وعمليات التهريب",
        "إلى ضرورة تكثيف الدورات التدريبية وورش العمل المختصة بالعمل الأمني",
        "عن استعداد مجلس النواب لوضع وتشريع القوانين التي تعزز وتطور العمل الأمني",
      ],
    },
    {
      speaker: INTERNAL_SECURITY,
      points: [
        "أن طبرق تعتبر مدينة مهمة جدًا كمدخل للمنطقة الشرقية، وأن جهاز الأمن الداخلي يعمل بكامل طاقته بالتنسيق مع جميع الجهات المعنية",
        "أشار إلى أن الأيام القادمة ستشهد دعمًا غير مسبوق في العمل الأمني بالمنطقة",
      ],
    },
    {
      speaker: MINISTER,
      points: [
        "أن الزيارة جاءت للاطلاع على الوضع الأمني في طبرق",
        "إلى أن المدينة تعتبر صمام الأمان للمنطقة الشرقية",
        "على استعداده الشخصي لتلبية احتياجات مديرية الأمن وجميع الأجهزة الأمنية في المنطقة",
        "على دور أهالي المنطقة والقبيلة في رفع الغطاء الاجتماعي عن المخالفين",
      ],
    },
  ],
  commitments: [
    {
      text: "وضع خطة شاملة لمكافحة عمليات التهريب والاتجار بالبشر بمعبر أمساعد الحدودي",
      ownerAgency: "مديرية أمن طبرق",
      dueDate: "2024-03-31",
      status: "in_progress",
    },
    {
      text: "إعداد مشروعات القوانين التي يحتاجها العمل الأمني",
      ownerPerson: MP,
      ownerAgency: "مجلس النواب",
      dueDate: null,
      status: "open",
    },
    {
      text: "تلبية احتياجات مديرية الأمن والأجهزة الأمنية في المنطقة",
      ownerPerson: MINISTER,
      ownerAgency: "وزارة الداخلية",
      dueDate: "2024-06-30",
      status: "open",
    },
  ],
  honours: [
    {
      kind: "shield",
      title: "درع التميز كأفضل شخصية لعام 2023",
      recipient: MINISTER,
      giver: MAYOR,
      reason: "تقديرًا لجهوده في دعم وتعزيز العمل الأمني والحفاظ على أمن واستقرار البلاد",
    },
    {
      kind: "shield",
      title: "درع تقدير",
      recipient: INTERNAL_SECURITY,
      giver: MAYOR,
      reason: "تقديرًا لجهوده في دعم وتعزيز العمل الأمني والحفاظ على أمن واستقرار البلاد",
    },
  ],
};
