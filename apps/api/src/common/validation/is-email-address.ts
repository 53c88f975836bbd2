import { buildMessage, isEmail, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * class-validator's IsEmail, except that a string its parser cannot even read is simply not an
 * address. validator's isEmail throws ("URI malformed") on a lone surrogate such as "\ud800", which
 * reached clients as an internal error; here it is the usual typed VALIDATION_FAILED.
 */
export function IsEmailAddress(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmail',
      validator: {
        validate: (value: unknown): boolean => {
          try {
            return isEmail(value);
          } catch {
            return false;
          }
        },
        defaultMessage: buildMessage((each) => `${each}$property must be an email`, validationOptions),
      },
    },
    validationOptions,
  );
}
