import { type TEmployment, type TPerson, ZPersonUpdateRequest } from "@kontor/contracts";
import { Anchor, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api.ts";
import { formatDate } from "../../lib/format.ts";
import { unwrap } from "../../lib/problem.ts";
import { RecordActivitySection } from "../activities/RecordActivitySection.tsx";
import { RecordQuickActions } from "../activities/RecordQuickActions.tsx";
import { DetailsCard } from "../records/DetailsCard.tsx";
import { CompanyName, Tags } from "../records/field-helpers.tsx";
import { RecordLink } from "../records/RecordLink.tsx";
import { Fact, RecordPageLayout } from "../records/RecordPageLayout.tsx";
import { recordQuery } from "../records/records-api.ts";
import { useRecordEditor } from "../records/use-record-editor.ts";
import { useCan } from "../session/permissions.ts";
import { PersonFields } from "./PersonFields.tsx";
import { flattenErrorPaths, personToValues, personValuesToBody } from "./person-form.ts";

export function PersonPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: person } = useSuspenseQuery(recordQuery<TPerson>("people", id));
  return <PersonView key={person.id} person={person} />;
}

function PersonView({ person }: { person: TPerson }) {
  const { t } = useTranslation("records");
  const canEdit = useCan("people.write");
  const editor = useRecordEditor({
    segment: "people",
    record: person,
    toValues: personToValues,
    toBody: personValuesToBody,
    schema: ZPersonUpdateRequest,
    mapErrors: flattenErrorPaths,
  });
  const facts = (
    <>
      <Fact label={t("fields.jobTitle")}>{person.jobTitle}</Fact>
      <Fact label={t("fields.company")}>
        {person.companyId && (
          <RecordLink segment="companies" id={person.companyId}>
            <CompanyName id={person.companyId} />
          </RecordLink>
        )}
      </Fact>
      <Fact label={t("fields.email")}>
        {person.email && <Anchor href={`mailto:${person.email}`}>{person.email}</Anchor>}
      </Fact>
      <Fact label={t("fields.phone")}>
        {person.phone && <Anchor href={`tel:${person.phone}`}>{person.phone}</Anchor>}
      </Fact>
      <Fact label={t("fields.tags")}>{person.tags.length > 0 && <Tags tags={person.tags} />}</Fact>
    </>
  );
  return (
    <RecordPageLayout
      object="person"
      id={person.id}
      name={person.displayName}
      facts={facts}
      actions={<RecordQuickActions links={[{ recordType: "person", recordId: person.id }]} />}
    >
      <DetailsCard
        title={t("record.details")}
        readOnly={!canEdit}
        dirty={editor.dirty}
        saving={editor.saving}
        conflict={editor.conflict}
        onSave={editor.save}
        onReset={editor.reset}
        onReload={editor.reload}
      >
        <PersonFields
          values={editor.form.values}
          errors={editor.form.errors}
          setField={editor.form.setField}
        />
      </DetailsCard>
      <Employments personId={person.id} />
      <RecordActivitySection recordType="person" recordId={person.id} />
    </RecordPageLayout>
  );
}

function Employments({ personId }: { personId: string }) {
  const { t } = useTranslation("records");
  const { data = [], isSuccess } = useQuery({
    queryKey: ["people", "employments", personId],
    queryFn: async () =>
      (
        unwrap(await api.GET("/api/v1/people/{id}/employments", { params: { path: { id: personId } } })) as {
          data: TEmployment[];
        }
      ).data,
  });
  return (
    <Paper withBorder p="md" data-testid="employments">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("people.employments")}
        </Title>
        {isSuccess && data.length === 0 ? (
          <Text c="dimmed">{t("people.noEmployments")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("fields.company")}</Table.Th>
                  <Table.Th>{t("fields.jobTitle")}</Table.Th>
                  <Table.Th>{t("people.period")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((employment) => (
                  <Table.Tr key={employment.id}>
                    <Table.Td>
                      <RecordLink segment="companies" id={employment.companyId}>
                        {employment.companyName ?? "–"}
                      </RecordLink>
                    </Table.Td>
                    <Table.Td>{employment.jobTitle}</Table.Td>
                    <Table.Td>
                      {formatDate(employment.startedAt)} –{" "}
                      {employment.endedAt ? formatDate(employment.endedAt) : t("people.today")}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
