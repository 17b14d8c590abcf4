/**
 * The pharmacies API's HTTP contract (药情每日通, issue 17). Response schemas whitelist fields: a list carries masked
 * identity only, and health data (symptoms, temperature) only when the service filled it in for the epidemic team.
 */
import { type Static, Type } from 'typebox';
import { DateString, DateTime, listOf, Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { alarmStatuses } from './rules/alarm-workflow.ts';
import { idKinds, medicineClasses, symptoms } from './rules/registration-check.ts';

export type { IdKind, MedicineClass, RegistrationInput, Symptom } from './rules/registration-check.ts';
export { feverThreshold, idKinds, medicineClasses, symptoms } from './rules/registration-check.ts';

/** The fields of one buyer; ranges and check characters are checked by rules/registration-check.ts. */
const registrationFields = {
  buyerName: Type.String({ maxLength: 100 }),
  idKind: Type.Optional(StringEnum(idKinds)),
  idNumber: Type.String({ maxLength: 40 }),
  phone: Type.String({ maxLength: 30 }),
  address: Type.Optional(Type.String({ maxLength: 400 })),
  temperature: Type.Optional(Nullable(Type.Number())),
  symptoms: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 })),
  medicineClass: Type.String({ maxLength: 40 }),
  quantity: Type.Number(),
  isForOther: Type.Optional(Type.Boolean()),
  travelHistory: Type.Optional(Type.String({ maxLength: 400 })),
  hasContactHistory: Type.Optional(Type.Boolean()),
};
export const RegistrationBody = Type.Object(
  { pharmacyId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), ...registrationFields },
  { additionalProperties: false },
);
export type RegistrationBody = Static<typeof RegistrationBody>;

/**
 * A POS batch: each row has the POS system's own key (its idempotency key); rows are checked one by one, so a bad row
 * is answered with its fields and the others are stored. A retried batch stores nothing twice.
 */
export const BulkBody = Type.Object(
  {
    pharmacyId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    rows: Type.Array(
      Type.Object(
        {
          key: Type.String({ minLength: 1, maxLength: 80 }),
          registeredAt: Type.Optional(DateTime),
        },
        { additionalProperties: true },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);
export type BulkBody = Static<typeof BulkBody>;
const FieldErrorSchema = Type.Object({
  in: Type.String(),
  field: Type.String(),
  code: Type.String(),
  message: Type.String(),
});
export const BulkResult = Type.Object({
  created: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      key: Type.String(),
      status: StringEnum(['created', 'duplicate', 'rejected'] as const),
      id: Nullable(Type.Integer()),
      errors: Type.Array(FieldErrorSchema),
    }),
  ),
});
export type BulkResult = Static<typeof BulkResult>;

export const RegistrationViewSchema = Type.Object({
  id: Type.Integer(),
  pharmacyId: Type.Integer(),
  pharmacyName: Type.String(),
  streetCode: Type.String(),
  registeredAt: DateTime,
  registeredOn: DateString,
  buyerName: Type.String(),
  idKind: StringEnum(idKinds),
  idNumberMasked: Type.String(),
  phoneMasked: Type.String(),
  medicineClass: StringEnum(medicineClasses),
  quantity: Type.Integer(),
  isForOther: Type.Boolean(),
  source: StringEnum(['counter', 'pos'] as const),
  /** Health and travel data: null unless the actor is on the epidemic team. */
  health: Nullable(
    Type.Object({
      temperature: Nullable(Type.Number()),
      symptoms: Type.Array(StringEnum(symptoms)),
      hasContactHistory: Type.Boolean(),
      travelHistory: Type.String(),
      address: Type.String(),
      needsFollowUp: Type.Boolean(),
    }),
  ),
});
export type RegistrationView = Static<typeof RegistrationViewSchema>;
export const RegistrationList = listOf(RegistrationViewSchema);

export const recordGroups = ['all', 'symptomatic', 'follow_up', 'contact'] as const;
export type RecordGroup = (typeof recordGroups)[number];
export const RegistrationQuery = Type.Object(
  {
    day: Type.Optional(DateString),
    pharmacyId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
    streetCode: Type.Optional(Type.String({ pattern: '^[0-9]{9}$' })),
    symptom: Type.Optional(StringEnum(symptoms)),
    medicineClass: Type.Optional(StringEnum(medicineClasses)),
    group: Type.Optional(StringEnum(recordGroups)),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export type RegistrationQuery = Static<typeof RegistrationQuery>;

export const revealableFields = ['idNumber', 'phone'] as const;
export const RevealBody = Type.Object(
  { field: StringEnum(revealableFields), reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
export type RevealBody = Static<typeof RevealBody>;
export const RevealView = Type.Object({ field: Type.String(), value: Type.String() });

export const NilReportBody = Type.Object(
  { pharmacyId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) },
  { additionalProperties: false },
);

export const DayQuery = Type.Object({ day: Type.Optional(DateString) }, { additionalProperties: false });

export const PharmacyStatusSchema = Type.Object({
  pharmacyId: Type.Integer(),
  name: Type.String(),
  address: Type.String(),
  streetCode: Type.String(),
  streetName: Type.String(),
  hasReported: Type.Boolean(),
  isNil: Type.Boolean(),
  reportedAt: Nullable(DateTime),
  registrations: Type.Integer(),
});
export type PharmacyStatus = Static<typeof PharmacyStatusSchema>;
export const StatusView = Type.Object({
  day: DateString,
  cutOff: Type.String(),
  isPastCutOff: Type.Boolean(),
  items: Type.Array(PharmacyStatusSchema),
  total: Type.Integer(),
  reported: Type.Integer(),
});
export type StatusView = Static<typeof StatusView>;

const CountRow = Type.Object({ key: Type.String(), label: Type.String(), people: Type.Integer(), registrations: Type.Integer() });
export type CountRow = Static<typeof CountRow>;
export const SurveillanceView = Type.Object({
  day: DateString,
  registrations: Type.Integer(),
  buyers: Type.Integer(),
  symptomaticPeople: Type.Integer(),
  followUpPeople: Type.Integer(),
  contactPeople: Type.Integer(),
  pharmaciesReported: Type.Integer(),
  pharmacies: Type.Integer(),
  bySymptom: Type.Array(CountRow),
  byMedicineClass: Type.Array(CountRow),
  byStreet: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      people: Type.Integer(),
      registrations: Type.Integer(),
      symptomaticPeople: Type.Integer(),
    }),
  ),
  /** Per pharmacy (the 200 with most symptomatic people): distinct buyers, registrations, symptomatic people. */
  byPharmacy: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      people: Type.Integer(),
      registrations: Type.Integer(),
      symptomaticPeople: Type.Integer(),
    }),
  ),
  /** The day's registrations were purged (past the retention period): the counts come from their tallies. */
  isPurged: Type.Boolean(),
  /** Per street: symptomatic people per day over the 28 days up to `day`, with the detectors of the street's alarm that day. */
  streetTrends: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      points: Type.Array(
        Type.Object({ day: DateString, symptomaticPeople: Type.Integer(), alarm: Type.Array(StringEnum(['C1', 'C2', 'C3'] as const)) }),
      ),
    }),
  ),
  /** Symptomatic people per day over the 28 days up to `day`, district-wide in the actor's scope. */
  trend: Type.Array(
    Type.Object({
      day: DateString,
      symptomaticPeople: Type.Integer(),
      registrations: Type.Integer(),
      isC2Alarm: Type.Boolean(),
      isC3Alarm: Type.Boolean(),
    }),
  ),
});
export type SurveillanceView = Static<typeof SurveillanceView>;

export const servicePointKinds = ['remote_point', 'delivery_24h'] as const;
export type ServicePointKind = (typeof servicePointKinds)[number];
export const ServicePointBody = Type.Object(
  {
    kind: StringEnum(servicePointKinds),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    pharmacyId: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }))),
    streetCode: Type.String({ pattern: '^[0-9]{9}$' }),
    address: Type.String({ minLength: 1, maxLength: 200 }),
    serviceArea: Type.String({ minLength: 1, maxLength: 500 }),
    hours: Type.Optional(Type.String({ maxLength: 100 })),
    phone: Type.Optional(Type.String({ pattern: '^[0-9+\\- ]{0,20}$' })),
    openedOn: DateString,
  },
  { additionalProperties: false },
);
export type ServicePointBody = Static<typeof ServicePointBody>;
export const ServicePointViewSchema = Type.Object({
  id: Type.Integer(),
  kind: StringEnum(servicePointKinds),
  name: Type.String(),
  pharmacyId: Nullable(Type.Integer()),
  streetCode: Type.String(),
  address: Type.String(),
  serviceArea: Type.String(),
  hours: Type.String(),
  phone: Type.String(),
  openedOn: DateString,
  closedOn: Nullable(DateString),
});
export type ServicePointView = Static<typeof ServicePointViewSchema>;
export const ServicePointList = listOf(ServicePointViewSchema);
export const PublicParams = Type.Object({ district: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false });
export const PublicQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });

/* 阳光药师 attendance */
export const PharmacistBody = Type.Object(
  {
    pharmacyId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    name: Type.String({ minLength: 1, maxLength: 50 }),
    licenceNumber: Type.String({ minLength: 4, maxLength: 40, pattern: '^[0-9A-Za-z-]+$' }),
    registeredOn: Type.Optional(DateString),
  },
  { additionalProperties: false },
);
export type PharmacistBody = Static<typeof PharmacistBody>;
const Shift = Type.Object({ checkedInAt: DateTime, checkedOutAt: Nullable(DateTime) });
export const PharmacistViewSchema = Type.Object({
  id: Type.Integer(),
  pharmacyId: Type.Integer(),
  pharmacyName: Type.String(),
  name: Type.String(),
  licenceNumber: Type.String(),
  registeredOn: DateString,
  leftOn: Nullable(DateString),
  today: Nullable(Shift),
});
export type PharmacistView = Static<typeof PharmacistViewSchema>;
export const PharmacistList = listOf(PharmacistViewSchema);
export const CheckBody = Type.Object(
  {
    pharmacistId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    lng: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
    lat: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
  },
  { additionalProperties: false },
);
export type CheckBody = Static<typeof CheckBody>;
export const MonthQuery = Type.Object(
  { month: Type.Optional(Type.String({ pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$' })) },
  { additionalProperties: false },
);
const RateRow = Type.Object({
  key: Type.String(),
  label: Type.String(),
  due: Type.Integer(),
  covered: Type.Integer(),
  rate: Nullable(Type.Number()),
});
export type RateRow = Static<typeof RateRow>;
export const AttendanceView = Type.Object({
  month: Type.String(),
  rules: Type.Object({ opensAt: Type.String(), closesAt: Type.String(), toleranceMinutes: Type.Integer() }),
  district: RateRow,
  stations: Type.Array(RateRow),
  pharmacies: Type.Array(RateRow),
  /** The month's check-ins farther from the pharmacy than the bureau's radius (rules/check-in-place.ts). */
  awayCheckIns: Type.Array(
    Type.Object({
      pharmacyId: Type.Integer(),
      name: Type.String(),
      pharmacistName: Type.String(),
      day: DateString,
      checkedInAt: DateTime,
      distanceMetres: Type.Integer(),
    }),
  ),
  /** Today, past the opening time plus the tolerance: pharmacies whose pharmacist has not checked in. */
  openWithoutPharmacist: Type.Array(Type.Object({ pharmacyId: Type.Integer(), name: Type.String(), streetName: Type.String() })),
});
export type AttendanceView = Static<typeof AttendanceView>;

/* Epidemic supplies */
export const SupplyBody = Type.Object(
  {
    pharmacyId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    masks: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
    alcohol: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    thermometers: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
);
export type SupplyBody = Static<typeof SupplyBody>;
const SupplyItemSchema = StringEnum(['masks', 'alcohol', 'thermometers']);
export const SupplyRow = Type.Object({
  pharmacyId: Type.Integer(),
  name: Type.String(),
  streetCode: Type.String(),
  lng: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
  reportOn: Nullable(DateString),
  masks: Nullable(Type.Integer()),
  alcohol: Nullable(Type.Integer()),
  thermometers: Nullable(Type.Integer()),
  shortages: Type.Array(SupplyItemSchema),
  /** No report in the last days: the stock is unknown. */
  isStale: Type.Boolean(),
});
export type SupplyRow = Static<typeof SupplyRow>;
export const SupplyView = Type.Object({
  day: DateString,
  thresholds: Type.Object({ masks: Type.Integer(), alcohol: Type.Integer(), thermometers: Type.Integer() }),
  items: Type.Array(SupplyRow),
  total: Type.Integer(),
  short: Type.Integer(),
});
export type SupplyView = Static<typeof SupplyView>;

/** What the server answers to a nil report, a supply report, a check-in or check-out; the body of closing a service point. */
export const NilReportReceipt = Type.Object({ pharmacyId: Type.Integer(), day: Type.String() });
export const SupplyReceipt = Type.Object({ reportOn: Type.String(), shortages: Type.Array(Type.String()) });
export const ShiftView = Type.Object({
  checkedInAt: Type.String({ format: 'date-time' }),
  checkedOutAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Metres from the pharmacy's registered place at check-in (null without a fix); isAway: beyond the bureau's radius. */
  distanceMetres: Nullable(Type.Integer()),
  isAway: Type.Boolean(),
});
export const CloseServicePointBody = Type.Object({ closedOn: DateString }, { additionalProperties: false });

/* The bureau's settings (rules/pharmacy-settings.ts) */
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
const settingsFields = {
  reportCutOff: Time,
  opensAt: Time,
  closesAt: Time,
  toleranceMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
  checkInRadiusMetres: Type.Integer({ minimum: 20, maximum: 5000 }),
  retentionDays: Type.Integer({ minimum: 1, maximum: 3650 }),
  shortageThresholds: Type.Object(
    {
      masks: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
      alcohol: Type.Integer({ minimum: 0, maximum: 100_000 }),
      thermometers: Type.Integer({ minimum: 0, maximum: 100_000 }),
    },
    { additionalProperties: false },
  ),
};
const SettingsSchema = Type.Object(settingsFields);
export const SettingsBody = Type.Object(
  { effectiveFrom: DateString, note: Type.Optional(Type.String({ maxLength: 500 })), ...settingsFields },
  { additionalProperties: false },
);
export type SettingsBody = Static<typeof SettingsBody>;
export const SettingsView = Type.Object({
  today: DateString,
  settings: SettingsSchema,
  effectiveFrom: Nullable(DateString),
  isDefault: Type.Boolean(),
  defaults: SettingsSchema,
  history: Type.Array(
    Type.Object({ id: Type.Integer(), effectiveFrom: DateString, note: Type.String(), createdAt: DateTime, settings: SettingsSchema }),
  ),
});
export type SettingsView = Static<typeof SettingsView>;

/* EARS alarms and their workflow (rules/alarm-workflow.ts) */
export { alarmActions, alarmStatuses } from './rules/alarm-workflow.ts';
export const AlarmViewSchema = Type.Object({
  id: Type.Integer(),
  areaCode: Type.String(),
  streetCode: Nullable(Type.String()),
  areaName: Type.String(),
  signalOn: DateString,
  detectors: Type.Array(StringEnum(['C1', 'C2', 'C3'] as const)),
  observed: Type.Integer(),
  c1: Nullable(Type.Number()),
  c2: Nullable(Type.Number()),
  c3: Nullable(Type.Number()),
  status: StringEnum(alarmStatuses),
  raisedAt: DateTime,
  seenAt: Nullable(DateTime),
  investigatedAt: Nullable(DateTime),
  investigationNote: Nullable(Type.String()),
  closedAt: Nullable(DateTime),
  closingNote: Nullable(Type.String()),
});
export type AlarmView = Static<typeof AlarmViewSchema>;
export const AlarmList = listOf(AlarmViewSchema);
export type AlarmList = Static<typeof AlarmList>;
export const AlarmQuery = Type.Object(
  {
    status: Type.Optional(StringEnum([...alarmStatuses, 'open'] as const)),
    streetCode: Type.Optional(Type.String({ pattern: '^[0-9]{9}$' })),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export type AlarmQuery = Static<typeof AlarmQuery>;
export const AlarmActionBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false });
export type AlarmActionBody = Static<typeof AlarmActionBody>;
export const AlarmActionParams = Type.Object(
  { id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), action: StringEnum(['see', 'investigate', 'close'] as const) },
  { additionalProperties: false },
);

/* POS keys */
export const PosKeyBody = Type.Object(
  { pharmacyId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), label: Type.String({ minLength: 1, maxLength: 60 }) },
  { additionalProperties: false },
);
export type PosKeyBody = Static<typeof PosKeyBody>;
export const PosKeyViewSchema = Type.Object({
  id: Type.Integer(),
  pharmacyId: Type.Integer(),
  pharmacyName: Type.String(),
  label: Type.String(),
  keyHint: Type.String(),
  createdAt: DateTime,
  lastUsedAt: Nullable(DateTime),
  revokedAt: Nullable(DateTime),
});
export type PosKeyView = Static<typeof PosKeyViewSchema>;
export const NewPosKeyView = Type.Object({ ...PosKeyViewSchema.properties, key: Type.String() });
export type NewPosKeyView = Static<typeof NewPosKeyView>;
export const PosKeyList = listOf(PosKeyViewSchema);
export type PosKeyList = Static<typeof PosKeyList>;
/** A POS batch sent with a key: the key names the pharmacy, so the body does not. */
export const PosBulkBody = Type.Object({ rows: BulkBody.properties.rows }, { additionalProperties: false });
export type PosBulkBody = Static<typeof PosBulkBody>;
