import { z } from 'zod';
import { bilingual } from '../../shared/bilingual';
import { phoneSchema } from '../../shared/validation';
import { memberBackgrounds } from './teams.schema';

const name = (max: number) => z.string().trim().min(2).max(max);
export const communeParams = z.object({ communeCode: z.string().regex(/^\d{5}$/, { message: bilingual('Mã xã gồm 5 chữ số', 'The commune code has 5 digits') }) });
export const idParams = z.object({ id: z.string().uuid() });
const villageIds = z.array(z.string().uuid()).max(50);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: bilingual('Giờ theo dạng HH:MM, ví dụ 07:30', 'Time as HH:MM, e.g. 07:30') });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: bilingual('Ngày theo dạng YYYY-MM-DD', 'Date as YYYY-MM-DD') });

export const createTeamBody = z.object({ name: name(160) }).strict();

const accountBody = z.union([
  z.object({ username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,40}$/, { message: bilingual('Tên đăng nhập 3–40 ký tự: chữ thường, số, . _ -', 'Username: 3–40 of a-z 0-9 . _ -') }), password: z.string().min(8).max(200) }).strict(),
  z.object({ existingUsername: z.string().trim().toLowerCase().min(3).max(40) }).strict(),
]);

export const createMemberBody = z
  .object({
    fullName: name(120),
    phone: phoneSchema.optional(),
    background: z.enum(memberBackgrounds),
    isLeader: z.boolean().default(false),
    villageIds: villageIds.default([]),
    account: accountBody,
  })
  .strict();
export type CreateMemberBody = z.infer<typeof createMemberBody>;

export const updateMemberBody = z
  .object({
    fullName: name(120).optional(),
    phone: phoneSchema.nullable().optional(),
    background: z.enum(memberBackgrounds).optional(),
    isLeader: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const memberVillagesBody = z.object({ villageIds }).strict();

export const createPairBody = z.object({ villageId: z.string().uuid(), memberIds: z.tuple([z.string().uuid(), z.string().uuid()]) }).strict();

export const createItPointBody = z.object({ name: name(200), villageId: z.string().uuid().nullable().default(null), address: z.string().trim().max(300).optional() }).strict();

export const createShiftBody = z
  .object({
    weekday: z.number().int().min(1).max(7),
    startTime: hhmm,
    endTime: hhmm,
    memberIds: z.array(z.string().uuid()).min(2, { message: bilingual('Mỗi ca trực cần ít nhất hai thành viên', 'A shift needs at least two members') }).max(4),
    validFrom: isoDate.optional(),
    validUntil: isoDate.nullable().optional(),
  })
  .strict()
  .refine((b) => b.startTime < b.endTime, { message: bilingual('Giờ kết thúc phải sau giờ bắt đầu', 'The end time must be after the start time'), path: ['endTime'] });

export const villageContactBody = z.object({ phone: phoneSchema, label: z.string().trim().max(120).optional() }).strict();

export const memberView = z.object({
  id: z.string(),
  teamId: z.string(),
  fullName: z.string(),
  phone: z.string().nullable(),
  background: z.enum(memberBackgrounds),
  isLeader: z.boolean(),
  active: z.boolean(),
  username: z.string().nullable(),
  villageIds: z.array(z.string()),
});

export const pairView = z.object({ id: z.string(), villageId: z.string(), memberIds: z.array(z.string()) });

export const teamView = z.object({
  id: z.string(),
  communeCode: z.string(),
  name: z.string(),
  members: z.array(memberView),
  pairs: z.array(pairView),
});

export const shiftView = z.object({
  id: z.string(),
  itPointId: z.string(),
  weekday: z.number(),
  startTime: z.string(),
  endTime: z.string(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  memberIds: z.array(z.string()),
});

export const itPointView = z.object({
  id: z.string(),
  villageId: z.string().nullable(),
  name: z.string(),
  address: z.string().nullable(),
  shifts: z.array(shiftView),
});

export const upcomingShift = z.object({
  date: z.string(),
  weekdayVi: z.string(),
  weekdayEn: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  members: z.array(z.string()),
  closedReasonVi: z.string().nullable(),
  closedReasonEn: z.string().nullable(),
});

export const publicItPoints = z.object({
  communeCode: z.string(),
  villages: z.array(
    z.object({
      villageId: z.string(),
      villageName: z.string(),
      contactPhone: z.string().nullable(),
      itPoints: z.array(z.object({ name: z.string(), address: z.string().nullable(), nextShifts: z.array(upcomingShift) })),
    }),
  ),
  communePoints: z.array(z.object({ name: z.string(), address: z.string().nullable(), nextShifts: z.array(upcomingShift) })),
});

export const myTeamView = z.object({
  member: memberView,
  team: z.object({ id: z.string(), name: z.string() }),
  villages: z.array(z.object({ id: z.string(), name: z.string() })),
  partners: z.array(z.object({ villageId: z.string(), memberId: z.string(), fullName: z.string(), phone: z.string().nullable() })),
  nextShifts: z.array(upcomingShift.extend({ itPointName: z.string() })),
});
