import type { TCompany } from "@kontor/contracts";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { RecordListPage } from "../records/RecordListPage.tsx";
import { CompanyCreateModal } from "./CompanyCreateModal.tsx";
import { companyConfig } from "./company-config.tsx";

export function CompaniesListPage() {
  const search = useSearch({ strict: false }) as { new?: boolean };
  const navigate = useNavigate();
  return (
    <RecordListPage<TCompany>
      config={companyConfig}
      CreateForm={CompanyCreateModal}
      createOpen={Boolean(search.new)}
      onCreateOpenChange={(open) => void navigate({ to: "/companies", search: open ? { new: true } : {} })}
    />
  );
}
