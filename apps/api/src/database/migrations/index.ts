import { MigrationInterface } from 'typeorm';
import { CreateInitialSchema1795417588753 } from './1795417588753-CreateInitialSchema';
import { AddSessionsEligibilityInvitations1796422978533 } from './1796422978533-AddSessionsEligibilityInvitations';
import { AddThemeEdit1796431115016 } from './1796431115016-AddThemeEdit';
import { AddDeliveryTracking1796642130313 } from './1796642130313-AddDeliveryTracking';
import { AddCommentTerms1796654198375 } from './1796654198375-AddCommentTerms';

// Explicit list (not a glob) so the same migrations run from TypeScript tests and the built server.
// Migrations are never edited after they land; add a new file and list it here.
export const MIGRATIONS: Array<new () => MigrationInterface> = [CreateInitialSchema1795417588753, AddSessionsEligibilityInvitations1796422978533, AddThemeEdit1796431115016, AddDeliveryTracking1796642130313, AddCommentTerms1796654198375];
