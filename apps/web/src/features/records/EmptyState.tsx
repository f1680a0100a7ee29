import { Button, Center, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import type { Icon } from "@tabler/icons-react";
import type { ReactNode } from "react";

interface EmptyStateProps {
  icon: Icon;
  title: string;
  text: string;
  action?: { label: string; onClick: () => void; testId?: string };
  children?: ReactNode;
}

export function EmptyState({ icon: IconComponent, title, text, action, children }: EmptyStateProps) {
  return (
    <Center py={60} data-testid="empty-state">
      <Stack align="center" gap="sm" maw={420} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light">
          <IconComponent size={30} aria-hidden />
        </ThemeIcon>
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text c="dimmed">{text}</Text>
        {action && (
          <Button onClick={action.onClick} data-testid={action.testId}>
            {action.label}
          </Button>
        )}
        {children}
      </Stack>
    </Center>
  );
}
