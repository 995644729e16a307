import { ProjectsView } from "@/features/projects/ProjectsView";

export default function Page() {
  return <ProjectsView />;
}
