import { createContext, useContext } from 'react';

export interface PortalDistrict { code: string; name: string }

export const DistrictContext = createContext<PortalDistrict | null>(null);

/** The district whose portal is open; every portal sub-page sits inside PortalPage, which provides it. */
export function useDistrict(): PortalDistrict {
  const d = useContext(DistrictContext);
  if (!d) throw new Error('portal page outside PortalPage');
  return d;
}
