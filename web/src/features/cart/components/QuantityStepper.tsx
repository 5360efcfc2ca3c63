import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDraft } from '@/lib/use-draft';

export const MAX_LINE_QUANTITY = 99; // the API's per-line limit

interface QuantityStepperProps {
  value: number;
  onChange: (quantity: number) => void;
  /** Highest quantity the + button reaches (stock, capped at 99). Typing more is still sent: the API decides. */
  max?: number;
  disabled?: boolean;
  testIdPrefix?: string;
}

/**
 * − [n] + : the buttons commit at once; a typed number commits on blur or Enter, not on every
 * keystroke, so typing "12" does not first send "1".
 */
export function QuantityStepper({ value, onChange, max = MAX_LINE_QUANTITY, disabled, testIdPrefix = 'quantity' }: QuantityStepperProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useDraft<number | null>(value);
  const upper = Math.max(1, Math.min(max, MAX_LINE_QUANTITY));

  const commit = (next: number | null) => {
    if (next === null || !Number.isInteger(next) || next < 1) {
      setDraft(value); // an empty or nonsense entry puts the old value back
      return;
    }
    const clamped = Math.min(next, MAX_LINE_QUANTITY);
    setDraft(clamped);
    if (clamped !== value) onChange(clamped);
  };

  return (
    <Space.Compact>
      <Button
        icon={<MinusOutlined />}
        aria-label={t('cart.decrease')}
        disabled={disabled || value <= 1}
        onClick={() => commit(value - 1)}
        data-testid={`${testIdPrefix}-decrease`}
      />
      <InputNumber
        min={1}
        max={MAX_LINE_QUANTITY}
        precision={0}
        controls={false}
        value={draft}
        disabled={disabled}
        aria-label={t('cart.quantity')}
        onChange={(next) => setDraft(typeof next === 'number' ? next : null)}
        onBlur={() => commit(draft)}
        onPressEnter={() => commit(draft)}
        style={{ width: 56, textAlign: 'center' }}
        data-testid={`${testIdPrefix}-input`}
      />
      <Button
        icon={<PlusOutlined />}
        aria-label={t('cart.increase')}
        disabled={disabled || value >= upper}
        onClick={() => commit(value + 1)}
        data-testid={`${testIdPrefix}-increase`}
      />
    </Space.Compact>
  );
}
