/** A date that may be partial (year, month, day) or approximate, as three small labelled inputs. */
import { Checkbox, Group, NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Visible legend of the group. */
  legend: string;
  /** `form.getInputProps(...)` results for each part. */
  year: object;
  month: object;
  day: object;
  about: object;
}

/** Year, month and day inputs with an "approximate" box, grouped under one legend. */
export function PartialDateFields({ legend, year, month, day, about }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <legend style={{ fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500, marginBottom: 4 }}>
        {legend}
      </legend>
      <Group align="flex-start" gap="xs" wrap="wrap">
        <NumberInput label={t('form.year')} w={100} hideControls allowDecimal={false} {...year} />
        <NumberInput
          label={t('form.month')}
          w={80}
          hideControls
          allowDecimal={false}
          min={1}
          max={12}
          {...month}
        />
        <NumberInput
          label={t('form.day')}
          w={80}
          hideControls
          allowDecimal={false}
          min={1}
          max={31}
          {...day}
        />
        <Checkbox label={t('form.about')} mt={30} {...about} />
      </Group>
    </fieldset>
  );
}
