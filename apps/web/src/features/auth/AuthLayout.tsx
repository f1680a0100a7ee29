import { Anchor, Center, Group, Image, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../lib/i18n.ts";

export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) {
  const { i18n } = useTranslation();
  const other = currentLanguage() === "de" ? "en" : "de";
  return (
    <Center mih="100vh" p="md" component="main">
      <Stack w="100%" maw={420} gap="lg">
        <Group justify="space-between">
          <Group gap="xs">
            <Image src="/icon.svg" alt="" w={36} h={36} />
            <Text fw={700} size="lg">
              Kontor
            </Text>
          </Group>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => void i18n.changeLanguage(other)}
            data-testid={`language-${other}`}
            lang={other}
          >
            {other === "de" ? "Deutsch" : "English"}
          </Anchor>
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack gap="md">
            <div>
              <Title order={1} size="h2">
                {title}
              </Title>
              {subtitle && (
                <Text c="dimmed" size="sm" mt={4}>
                  {subtitle}
                </Text>
              )}
            </div>
            {children}
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}
