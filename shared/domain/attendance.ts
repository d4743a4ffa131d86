import { z } from 'zod';
import { uuid } from './fields.ts';

export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const attendanceSchema = z.object({
  id: uuid,
  eventId: uuid,
  memberId: uuid,
  status: z.enum(ATTENDANCE_STATUSES, { error: 'validation.choose.attendance' }),
});

export type Attendance = z.output<typeof attendanceSchema>;
