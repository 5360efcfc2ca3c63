import dayjs from 'dayjs';

/** Date and time in the active dayjs locale ("2025年1月2日 14:05" / "Jan 2, 2025 2:05 PM"). */
export function formatDateTime(iso: string | undefined): string {
  return iso ? dayjs(iso).format('lll') : '';
}

export function formatDate(iso: string | undefined): string {
  return iso ? dayjs(iso).format('ll') : '';
}
