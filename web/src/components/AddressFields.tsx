import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Address } from '@/types/api';

export const ADDRESS_FIELDS = ['name', 'phone', 'line1', 'city', 'province', 'postalCode'] as const satisfies readonly (keyof Address)[];

// Permissive on purpose: mainland mobiles, landlines with area codes and foreign numbers all pass;
// the API has the final word and its errors land on the same field.
export const PHONE_PATTERN = /^\+?[0-9][0-9\s-]{5,19}$/;
export const POSTAL_CODE_PATTERN = /^[0-9A-Za-z][0-9A-Za-z -]{2,9}$/;

interface AddressFieldsProps {
  /** Where the fields sit in the form's values, e.g. ['shippingAddress']. */
  prefix: string[];
  testIdPrefix?: string;
}

/** The address inputs shared by checkout and the default address in the personal center. */
export function AddressFields({ prefix, testIdPrefix = 'address' }: AddressFieldsProps) {
  const { t } = useTranslation();
  const name = (field: (typeof ADDRESS_FIELDS)[number]) => [...prefix, field];
  return (
    <Row gutter={16}>
      <Col xs={24} sm={12}>
        <Form.Item name={name('name')} label={t('address.name')} rules={[{ required: true, whitespace: true, message: t('address.nameRequired') }, { max: 50, message: t('validation.maxLength', { max: 50 }) }]}>
          <Input autoComplete="name" data-testid={`${testIdPrefix}-name`} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name={name('phone')}
          label={t('address.phone')}
          rules={[
            { required: true, whitespace: true, message: t('address.phoneRequired') },
            { pattern: PHONE_PATTERN, message: t('address.phoneInvalid') },
          ]}
        >
          <Input autoComplete="tel" inputMode="tel" data-testid={`${testIdPrefix}-phone`} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={name('province')} label={t('address.province')} rules={[{ max: 50, message: t('validation.maxLength', { max: 50 }) }]}>
          <Input autoComplete="address-level1" data-testid={`${testIdPrefix}-province`} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={name('city')} label={t('address.city')} rules={[{ required: true, whitespace: true, message: t('address.cityRequired') }, { max: 50, message: t('validation.maxLength', { max: 50 }) }]}>
          <Input autoComplete="address-level2" data-testid={`${testIdPrefix}-city`} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name={name('line1')} label={t('address.line1')} rules={[{ required: true, whitespace: true, message: t('address.line1Required') }, { max: 200, message: t('validation.maxLength', { max: 200 }) }]}>
          <Input autoComplete="street-address" data-testid={`${testIdPrefix}-line1`} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={name('postalCode')} label={t('address.postalCode')} rules={[{ pattern: POSTAL_CODE_PATTERN, message: t('address.postalCodeInvalid') }]}>
          <Input autoComplete="postal-code" data-testid={`${testIdPrefix}-postal-code`} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Trims the values and drops empty optional ones, so the API never sees "" for "not given". */
export function cleanAddress(values: Partial<Record<(typeof ADDRESS_FIELDS)[number], string>>): Address {
  const trimmed = Object.fromEntries(
    ADDRESS_FIELDS.map((field) => [field, values[field]?.trim() || undefined]).filter(([, value]) => value !== undefined),
  );
  return trimmed as unknown as Address;
}
