/** The project profile (R&D form, green category) of a project that states nothing else: independent R&D, not green. */
import { GreenCategory, RdForm } from "../../web/src/generated/enums.js";

export const DEFAULT_PROFILE = { rdForm: RdForm.Independent, greenCategory: GreenCategory.None } as const;
