import type { AgencyKind, Role } from "../../common/enums";

// The demo region: Tobruk, the bodies and people of the security meeting in
// ../shared/fixtures/tobruk-security-meeting.ar.txt, and one demo user per role.

export type DemoAgency = {
  code: string;
  kind: AgencyKind;
  parent: string | null;
  nameAr: string;
  nameEn: string;
  districtPcode: "LY0104" | null;
};

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    code: "MOI",
    kind: "ministry",
    parent: null,
    nameAr: "وزارة الداخلية",
    nameEn: "Ministry of Interior",
    districtPcode: null,
  },
  {
    code: "TBK-SD",
    kind: "directorate",
    parent: "MOI",
    nameAr: "مديرية أمن طبرق",
    nameEn: "Tobruk Security Directorate",
    districtPcode: "LY0104",
  },
  {
    code: "ISA-TBK",
    kind: "agency",
    parent: null,
    nameAr: "جهاز الأمن الداخلي - طبرق",
    nameEn: "Internal Security Agency (Tobruk)",
    districtPcode: "LY0104",
  },
  {
    code: "EMSAED",
    kind: "border_crossing",
    parent: "MOI",
    nameAr: "منفذ أمساعد البري",
    nameEn: "Emsaed border crossing",
    districtPcode: "LY0104",
  },
  {
    code: "AIIA-TBK",
    kind: "agency",
    parent: "MOI",
    nameAr: "جهاز مكافحة الهجرة غير الشرعية - فرع طبرق",
    nameEn: "Anti-Illegal-Immigration Agency (Tobruk branch)",
    districtPcode: "LY0104",
  },
  {
    code: "MPW",
    kind: "ministry",
    parent: null,
    nameAr: "وزارة الأشغال العامة",
    nameEn: "Ministry of Public Works",
    districtPcode: null,
  },
  {
    code: "TBK-MUN",
    kind: "municipality",
    parent: null,
    nameAr: "بلدية طبرق",
    nameEn: "Tobruk Municipality",
    districtPcode: "LY0104",
  },
  {
    code: "HOR-TBK",
    kind: "parliament",
    parent: null,
    nameAr: "مجلس النواب - دائرة طبرق",
    nameEn: "House of Representatives (Tobruk constituency)",
    districtPcode: "LY0104",
  },
];

export type DemoPerson = {
  nameAr: string;
  nameEn: string;
  rank: string | null;
  positionAr: string;
  positionEn: string;
  agency: string;
};

/** The people named in the press release, with their titles and ranks as written there. */
export const DEMO_PERSONNEL: DemoPerson[] = [
  {
    nameAr: "عصام أبوزريبة",
    nameEn: "Essam Abuzreiba",
    rank: "لواء",
    positionAr: "وزير الداخلية",
    positionEn: "Minister of Interior",
    agency: "MOI",
  },
  {
    nameAr: "ناصر شرح البال",
    nameEn: "Nasser Sharh Al-Bal",
    rank: null,
    positionAr: "وزير الأشغال العامة",
    positionEn: "Minister of Public Works",
    agency: "MPW",
  },
  {
    nameAr: "أسامة الدرسي",
    nameEn: "Osama Al-Darsi",
    rank: null,
    positionAr: "رئيس جهاز الأمن الداخلي",
    positionEn: "Head of the Internal Security Agency",
    agency: "ISA-TBK",
  },
  {
    nameAr: "الصالحين عبد النبي",
    nameEn: "Al-Salheen Abdulnabi",
    rank: null,
    positionAr: "عضو مجلس النواب عن دائرة طبرق",
    positionEn: "Member of Parliament for Tobruk",
    agency: "HOR-TBK",
  },
  {
    nameAr: "فرج الخطابية",
    nameEn: "Faraj Al-Khattabiya",
    rank: null,
    positionAr: "عميد بلدية طبرق",
    positionEn: "Mayor of Tobruk",
    agency: "TBK-MUN",
  },
  {
    nameAr: "موسى البدين",
    nameEn: "Musa Al-Badeen",
    rank: "لواء",
    positionAr: "مدير أمن طبرق",
    positionEn: "Tobruk Security Director",
    agency: "TBK-SD",
  },
];

export type DemoUser = {
  username: string;
  role: Role;
  agency: string;
  displayNameAr: string;
  displayNameEn: string;
};

export const DEMO_USERS: DemoUser[] = [
  {
    username: "admin",
    role: "admin",
    agency: "MOI",
    displayNameAr: "مدير النظام",
    displayNameEn: "System administrator",
  },
  {
    username: "minister",
    role: "leadership",
    agency: "MOI",
    displayNameAr: "وزير الداخلية",
    displayNameEn: "Minister of Interior",
  },
  {
    username: "director.tobruk",
    role: "manager",
    agency: "TBK-SD",
    displayNameAr: "مدير أمن طبرق",
    displayNameEn: "Tobruk Security Director",
  },
  {
    username: "officer.tobruk",
    role: "officer",
    agency: "TBK-SD",
    displayNameAr: "ضابط مديرية أمن طبرق",
    displayNameEn: "Tobruk directorate officer",
  },
  {
    username: "officer.emsaed",
    role: "officer",
    agency: "EMSAED",
    displayNameAr: "ضابط منفذ أمساعد",
    displayNameEn: "Emsaed crossing officer",
  },
  {
    username: "liaison.isa",
    role: "officer",
    agency: "ISA-TBK",
    displayNameAr: "ضابط اتصال الأمن الداخلي",
    displayNameEn: "Internal Security liaison",
  },
  {
    username: "observer.mp",
    role: "observer",
    agency: "HOR-TBK",
    displayNameAr: "مكتب عضو مجلس النواب",
    displayNameEn: "MP's office (observer)",
  },
  {
    username: "trainer",
    role: "trainer",
    agency: "MOI",
    displayNameAr: "إدارة التدريب",
    displayNameEn: "Training department",
  },
];
