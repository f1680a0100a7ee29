import type { TPerson } from "@kontor/contracts";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { RecordListPage } from "../records/RecordListPage.tsx";
import { PersonCreateModal } from "./PersonCreateModal.tsx";
import { personConfig } from "./person-config.tsx";

export function PeopleListPage() {
  const search = useSearch({ strict: false }) as { new?: boolean };
  const navigate = useNavigate();
  return (
    <RecordListPage<TPerson>
      config={personConfig}
      CreateForm={PersonCreateModal}
      createOpen={Boolean(search.new)}
      onCreateOpenChange={(open) => void navigate({ to: "/people", search: open ? { new: true } : {} })}
    />
  );
}
