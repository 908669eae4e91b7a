import { createContext, useContext } from 'react';
import dayjs from 'dayjs';

export interface PortalDistrict { code: string; name: string }

export const DistrictContext = createContext<PortalDistrict | null>(null);

/** The district whose portal is open; every portal sub-page sits inside PortalPage, which provides it. */
export function useDistrict(): PortalDistrict {
  const d = useContext(DistrictContext);
  if (!d) throw new Error('portal page outside PortalPage');
  return d;
}

/** Whole days and hours left until a deadline, for people who must act before it; null once it has passed. */
export function remaining(deadline: string, now = dayjs()): { days: number; hours: number } | null {
  const ms = dayjs(deadline).diff(now);
  if (ms <= 0) return null;
  const hours = Math.floor(ms / 3_600_000);
  return { days: Math.floor(hours / 24), hours: hours % 24 };
}
