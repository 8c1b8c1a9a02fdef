import { useMediaQuery } from "@mantine/hooks";

/**
 * Narrower than Mantine's `sm` breakpoint (48em): a phone, where a table becomes a card per row and the header's
 * user is a menu. Read at once (not after a first render), so a phone never paints the wide layout first.
 */
export function usePhone(): boolean {
  return useMediaQuery("(max-width: 47.99em)", false, { getInitialValueInEffect: false });
}
