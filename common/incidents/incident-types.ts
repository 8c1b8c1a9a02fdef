import type { IncidentTypeGroup } from "../enums";

/**
 * The incident types Tansiq starts with (seeded by migration 0002; admins rename, regroup, add or deactivate
 * them afterwards). Codes are stable: imports map ACLED and IOM events onto them.
 */
export const SEEDED_INCIDENT_TYPES: readonly {
  code: string;
  group: IncidentTypeGroup;
  nameAr: string;
  nameEn: string;
}[] = [
  { code: "smuggling_fuel", group: "smuggling", nameAr: "تهريب وقود", nameEn: "Fuel smuggling" },
  { code: "smuggling_goods", group: "smuggling", nameAr: "تهريب بضائع", nameEn: "Goods smuggling" },
  { code: "smuggling_drugs", group: "smuggling", nameAr: "تهريب مخدرات", nameEn: "Drug smuggling" },
  { code: "smuggling_weapons", group: "smuggling", nameAr: "تهريب أسلحة", nameEn: "Weapons smuggling" },
  { code: "smuggling_cash", group: "smuggling", nameAr: "تهريب عملات وأموال", nameEn: "Cash smuggling" },
  { code: "smuggling_vehicles", group: "smuggling", nameAr: "تهريب مركبات", nameEn: "Vehicle smuggling" },
  {
    code: "human_trafficking",
    group: "human_trafficking",
    nameAr: "اتجار بالبشر",
    nameEn: "Human trafficking",
  },
  {
    code: "migrant_smuggling",
    group: "migrant_smuggling",
    nameAr: "تهريب مهاجرين",
    nameEn: "Migrant smuggling",
  },
  {
    code: "migration_interception",
    group: "irregular_migration",
    nameAr: "اعتراض مهاجرين غير نظاميين",
    nameEn: "Interception of irregular migrants",
  },
  {
    code: "migration_deaths_missing",
    group: "irregular_migration",
    nameAr: "وفيات ومفقودون من المهاجرين",
    nameEn: "Migrant deaths and missing",
  },
  { code: "crime_theft", group: "crime", nameAr: "سرقة", nameEn: "Theft" },
  { code: "crime_assault", group: "crime", nameAr: "اعتداء", nameEn: "Assault" },
  { code: "crime_homicide", group: "crime", nameAr: "قتل", nameEn: "Homicide" },
  { code: "crime_kidnapping", group: "crime", nameAr: "خطف", nameEn: "Kidnapping" },
  { code: "crime_fraud", group: "crime", nameAr: "احتيال", nameEn: "Fraud" },
  { code: "border_violation", group: "border_violation", nameAr: "خرق حدودي", nameEn: "Border violation" },
  { code: "other", group: "other", nameAr: "أخرى", nameEn: "Other" },
];
