import { Button, Modal, Stack, Text } from "@mantine/core";

export interface Choice<T extends string> {
  value: T;
  label: string;
  color?: string;
}

/** Asks one question with a few answers ("only this appointment" / "all in the series"); closing cancels. */
export function ChoiceModal<T extends string>(props: {
  title: string;
  text: string;
  choices: Choice<T>[];
  onChoose: (value: T | null) => void;
  cancelLabel: string;
}) {
  return (
    <Modal opened onClose={() => props.onChoose(null)} title={props.title}>
      <Stack gap="sm" data-testid="choice-modal">
        <Text size="sm">{props.text}</Text>
        {props.choices.map((choice, index) => (
          <Button
            key={choice.value}
            variant={index === 0 ? "filled" : "light"}
            color={choice.color}
            onClick={() => props.onChoose(choice.value)}
            data-testid={`choice-${choice.value}`}
            data-autofocus={index === 0 || undefined}
            fullWidth
          >
            {choice.label}
          </Button>
        ))}
        <Button variant="default" onClick={() => props.onChoose(null)} fullWidth>
          {props.cancelLabel}
        </Button>
      </Stack>
    </Modal>
  );
}
