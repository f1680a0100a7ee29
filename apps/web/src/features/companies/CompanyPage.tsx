import { type TCompany, type TPerson, ZCompanyUpdateRequest } from "@kontor/contracts";
import { Anchor, Button, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useInfiniteQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatMoney, formatNumber } from "../../lib/format.ts";
import { RecordActivitySection } from "../activities/RecordActivitySection.tsx";
import { RecordQuickActions } from "../activities/RecordQuickActions.tsx";
import { CompanyProjects } from "../projects/CompanyProjects.tsx";
import { DetailsCard } from "../records/DetailsCard.tsx";
import { RelationshipTypes } from "../records/field-helpers.tsx";
import { RecordLink } from "../records/RecordLink.tsx";
import { Fact, RecordPageLayout } from "../records/RecordPageLayout.tsx";
import { listRecords, recordQuery } from "../records/records-api.ts";
import { useRecordEditor } from "../records/use-record-editor.ts";
import { useCan } from "../session/permissions.ts";
import { CompanyFields } from "./CompanyFields.tsx";
import { companyToValues, companyValuesToBody, flattenCompanyErrors } from "./company-form.ts";

export function CompanyPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: company } = useSuspenseQuery(recordQuery<TCompany>("companies", id));
  return <CompanyView key={company.id} company={company} />;
}

function CompanyView({ company }: { company: TCompany }) {
  const { t } = useTranslation("records");
  const canEdit = useCan("companies.write");
  const editor = useRecordEditor({
    segment: "companies",
    record: company,
    toValues: companyToValues,
    toBody: companyValuesToBody,
    schema: ZCompanyUpdateRequest,
    mapErrors: flattenCompanyErrors,
  });
  const facts = (
    <>
      <Fact label={t("fields.domain")}>{company.domain}</Fact>
      <Fact label={t("fields.industry")}>{company.industry}</Fact>
      <Fact label={t("fields.employeeCount")}>{formatNumber(company.employeeCount)}</Fact>
      <Fact label={t("fields.annualRevenue")}>
        {formatMoney(company.annualRevenue?.amount, company.annualRevenue?.currency)}
      </Fact>
      <Fact label={t("fields.website")}>
        {company.website && (
          <Anchor href={company.website} target="_blank" rel="noreferrer noopener">
            {company.website}
          </Anchor>
        )}
      </Fact>
      <Fact label={t("fields.relationshipTypes")}>
        {company.relationshipTypes.length > 0 && <RelationshipTypes keys={company.relationshipTypes} />}
      </Fact>
    </>
  );
  return (
    <RecordPageLayout
      object="company"
      id={company.id}
      name={company.name}
      facts={facts}
      actions={<RecordQuickActions links={[{ recordType: "company", recordId: company.id }]} />}
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
        <CompanyFields
          values={editor.form.values}
          errors={editor.form.errors}
          setField={editor.form.setField}
        />
      </DetailsCard>
      <CompanyPeople companyId={company.id} />
      <CompanyProjects companyId={company.id} />
      <RecordActivitySection recordType="company" recordId={company.id} />
    </RecordPageLayout>
  );
}

function CompanyPeople({ companyId }: { companyId: string }) {
  const { t } = useTranslation("records");
  const query = useInfiniteQuery({
    queryKey: ["people", "list", { companyId }],
    queryFn: ({ pageParam }) =>
      listRecords<TPerson>("people", {
        filters: [{ field: "companyId", op: "eq", value: companyId }],
        sort: "lastName",
        cursor: pageParam,
        limit: 50,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const people = query.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Paper withBorder p="md" data-testid="company-people">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("companies.people")}
        </Title>
        {query.isSuccess && people.length === 0 ? (
          <Text c="dimmed">{t("companies.noPeople")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("fields.name")}</Table.Th>
                  <Table.Th>{t("fields.jobTitle")}</Table.Th>
                  <Table.Th>{t("fields.email")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.map((person) => (
                  <Table.Tr key={person.id}>
                    <Table.Td>
                      <RecordLink segment="people" id={person.id}>
                        {person.displayName}
                      </RecordLink>
                    </Table.Td>
                    <Table.Td>{person.jobTitle}</Table.Td>
                    <Table.Td>{person.email}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {query.hasNextPage && (
          <Button variant="subtle" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t("history.more")}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
