import { Alert, Button, Card, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ADDRESS_FIELDS, AddressFields, cleanAddress } from '@/components/AddressFields';
import { ApiError, NetworkError } from '@/lib/api-client';
import { newIdempotencyKey } from '@/lib/idempotency';
import { previewShippingFee } from '@/lib/money';
import { applyProblemToForm, errorMessage } from '@/lib/problem';
import { cartKeys } from '@/lib/query-keys';
import type { Address, Order } from '@/types/api';
import { useCreateOrder } from '../api/create-order';
import { CheckoutSummary, type SummaryLine } from './CheckoutSummary';

interface CheckoutAddressStepProps {
  lines: SummaryLine[];
  subtotal: number;
  defaultAddress?: Address;
  onCreated: (order: Order) => void;
}

interface FormValues {
  shippingAddress: Partial<Record<(typeof ADDRESS_FIELDS)[number], string>>;
  note?: string;
}

const FORM_FIELDS = [...ADDRESS_FIELDS.map((field) => ['shippingAddress', field]), 'note'];

/** Step 1 of checkout: where to ship, with the order summary beside it. Creates the order. */
export function CheckoutAddressStep({ lines, subtotal, defaultAddress, onCreated }: CheckoutAddressStepProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const createOrder = useCreateOrder();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<{ message: string; details: string[]; stock: boolean }>();
  // Reused only when the same submit is retried after the answer got lost (network, 5xx), so the
  // API can recognise the repeat and not create a second order.
  const pendingKey = useRef<string | undefined>(undefined);

  const onFinish = (values: FormValues) => {
    setProblem(undefined);
    pendingKey.current ??= newIdempotencyKey();
    createOrder.mutate(
      {
        shippingAddress: cleanAddress(values.shippingAddress),
        note: values.note?.trim() || undefined,
        // The total this page shows: if prices changed since, the API refuses rather than charge another.
        expectedTotal: subtotal + previewShippingFee(subtotal),
        idempotencyKey: pendingKey.current,
      },
      {
        onSuccess: (order) => {
          pendingKey.current = undefined;
          onCreated(order);
        },
        onError: (error) => {
          const lostAnswer = error instanceof NetworkError || (error instanceof ApiError && error.status >= 500);
          if (!lostAnswer) pendingKey.current = undefined; // a definite "no": the next submit is a new one
          if (error instanceof ApiError && error.problem.code === 'order.total_changed') {
            // Show the new prices before the shopper asks again.
            void queryClient.invalidateQueries({ queryKey: cartKeys.all });
          }
          const unmatched = applyProblemToForm(form, error, FORM_FIELDS);
          setProblem({
            message: errorMessage(error, t),
            details: unmatched,
            stock: error instanceof ApiError && error.status === 409,
          });
        },
      },
    );
  };

  return (
    <div className="shop-checkout">
      <Card title={t('checkout.shippingAddress')} size="small">
        <Form
          form={form}
          layout="vertical"
          requiredMark
          initialValues={{ shippingAddress: defaultAddress ?? {} }}
          onFinish={onFinish}
          onValuesChange={() => setProblem(undefined)}
          data-testid="checkout-form"
          scrollToFirstError
        >
          <AddressFields prefix={['shippingAddress']} testIdPrefix="address" />
          <Form.Item name="note" label={t('checkout.note')} rules={[{ max: 500, message: t('validation.maxLength', { max: 500 }) }]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="checkout-note" />
          </Form.Item>
          {problem && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 16 }}
              data-testid="checkout-error"
              title={problem.message}
              description={
                problem.details.length || problem.stock ? (
                  <>
                    {problem.details.length > 0 && (
                      <ul style={{ margin: 0, paddingLeft: 18 }}>
                        {problem.details.map((detail) => (
                          <li key={detail}>{detail}</li>
                        ))}
                      </ul>
                    )}
                    {problem.stock && <Link to="/cart">{t('checkout.backToCart')}</Link>}
                  </>
                ) : undefined
              }
            />
          )}
          <Button type="primary" htmlType="submit" size="large" block loading={createOrder.isPending} data-testid="place-order">
            {t('checkout.placeOrder')}
          </Button>
        </Form>
      </Card>
      <CheckoutSummary lines={lines} subtotal={subtotal} />
    </div>
  );
}
