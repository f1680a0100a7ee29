import "./activities-i18n.ts";
import type { TPerson, TRecordLink } from "@kontor/contracts";
import { Badge, CloseButton, Group } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { CompanyName } from "../records/field-helpers.tsx";
import { RecordPicker } from "../records/RecordPicker.tsx";
import { recordQuery } from "../records/records-api.ts";

function PersonName({ id }: { id: string }) {
  const { data } = useQuery(recordQuery<TPerson>("people", id));
  return <>{data?.displayName ?? "…"}</>;
}

/** The people and companies an activity or task is linked to; more can be added with the picker. */
export function LinkedRecords({
  links,
  onChange,
}: {
  links: TRecordLink[];
  onChange: (links: TRecordLink[]) => void;
}) {
  const { t } = useTranslation("activities");
  const key = (link: TRecordLink) => `${link.recordType}:${link.recordId}`;
  return (
    <>
      {links.length > 0 && (
        <Group gap={6} data-testid="linked-records">
          {links.map((link) => (
            <Badge
              key={key(link)}
              variant="light"
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={t("unlink")}
                  onClick={() => onChange(links.filter((other) => key(other) !== key(link)))}
                />
              }
            >
              {link.recordType === "company" ? (
                <CompanyName id={link.recordId} />
              ) : (
                <PersonName id={link.recordId} />
              )}
            </Badge>
          ))}
        </Group>
      )}
      <RecordPicker
        label={t("linkMore")}
        value={null}
        onChange={(ref) => {
          if (!ref) return;
          const link = { recordType: ref.type, recordId: ref.id } as TRecordLink;
          if (!links.some((other) => key(other) === key(link))) onChange([...links, link]);
        }}
      />
    </>
  );
}
