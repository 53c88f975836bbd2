import type { AdmissionStatus } from '@yoriai/domain';
import { AdmissionStatusEnum } from '../../common/graphql/enums';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ParticipantKind {
  ACCOUNT = 'ACCOUNT',
  GUEST = 'GUEST',
}
registerEnumType(ParticipantKind, { name: 'ParticipantKind', description: 'An account (email + password) or a guest who joined one process by code' });

@ObjectType('Participant')
export class ParticipantModel {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field(() => ParticipantKind)
  kind: ParticipantKind;

  @Field(() => String, { nullable: true })
  organization: string | null;

  @Field(() => String, { nullable: true, description: 'Only visible to the participant themself' })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Opt-in, self-reported; only visible to the participant themself' })
  ageBand: string | null;

  @Field(() => String, { nullable: true, description: 'Opt-in, self-reported; only visible to the participant themself' })
  gender: string | null;

  @Field()
  locale: string;
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field({ description: 'Bearer token (the same session is also set as an httpOnly cookie)' })
  token: string;

  @Field(() => ParticipantModel)
  participant: ParticipantModel;

  @Field(() => AdmissionStatusEnum, { nullable: true, description: 'joinMeeting only: ADMITTED, or PENDING at the door of a CODE_WITH_APPROVAL meeting (wait for live.admission)' })
  admission?: AdmissionStatus | null;
}
