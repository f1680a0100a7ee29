import { DocumentsPanel } from "../documents/DocumentsPanel.tsx";
import { RecordTimeline } from "./RecordTimeline.tsx";

/** What a person or company page shows below its details: the timeline and the documents. */
export function RecordActivitySection({
  recordType,
  recordId,
}: {
  recordType: "person" | "company";
  recordId: string;
}) {
  return (
    <>
      <RecordTimeline record={{ recordType, recordId }} />
      <DocumentsPanel recordType={recordType} recordId={recordId} />
    </>
  );
}
