/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  fragment ThemeFields on Theme {\n    id\n    label\n    renamed\n    keyPhrases\n    size\n    sectors {\n      sector\n      count\n      share\n      target\n      underRepresented\n    }\n    smallSectors\n    silentSectors\n    stances {\n      stance\n      count\n    }\n    bridging\n    divide\n    trend\n  }\n": typeof types.ThemeFieldsFragmentDoc,
    "\n  query MeetingThemes($id: ID!) {\n    meeting(id: $id) {\n      id\n      themes {\n        ...ThemeFields\n      }\n    }\n  }\n": typeof types.MeetingThemesDocument,
    "\n  mutation RenameTheme($themeId: ID!, $label: String!) {\n    renameTheme(themeId: $themeId, label: $label) {\n      ...ThemeFields\n    }\n  }\n": typeof types.RenameThemeDocument,
    "\n  mutation MergeThemes($themeIds: [ID!]!) {\n    mergeThemes(themeIds: $themeIds) {\n      ...ThemeFields\n    }\n  }\n": typeof types.MergeThemesDocument,
    "\n  query AnalyticsOverview($id: ID!) {\n    process(id: $id) {\n      ...ProcessPillarsFields\n      proposals(first: 200) {\n        id\n        title\n        pillarId\n        status\n      }\n      bridgingRanking(first: 20) {\n        proposalId\n        score\n        voters\n      }\n      dialogueIndex\n      crossPillar {\n        pillarId\n        sector\n        meanAgreeShare\n        proposals\n      }\n      inclusion {\n        participants\n        youth {\n          share\n          count\n          base\n          suppressed\n        }\n        women {\n          share\n          count\n          base\n          suppressed\n        }\n      }\n    }\n  }\n": typeof types.AnalyticsOverviewDocument,
    "\n  query AgreementMatrix($id: ID!, $pillarId: ID) {\n    process(id: $id) {\n      id\n      agreementMatrix(pillarId: $pillarId) {\n        proposalId\n        pillarId\n        sector\n        agreeShare\n        voters\n        suppressed\n      }\n    }\n  }\n": typeof types.AgreementMatrixDocument,
    "\n  fragment SectorShareFields on SectorShare {\n    sector\n    count\n    share\n    target\n    underRepresented\n  }\n": typeof types.SectorShareFieldsFragmentDoc,
    "\n  query Representation($id: ID!) {\n    process(id: $id) {\n      id\n      members: representation(basis: MEMBERS) {\n        ...SectorShareFields\n      }\n      voters: representation(basis: VOTERS) {\n        ...SectorShareFields\n      }\n    }\n  }\n": typeof types.RepresentationDocument,
    "\n  query SectorWeighted($id: ID!) {\n    process(id: $id) {\n      id\n      proposals(first: 50) {\n        id\n        sectorWeighted {\n          agreeShare\n          rawAgreeShare\n          sectors\n        }\n      }\n    }\n  }\n": typeof types.SectorWeightedDocument,
    "\n  query OpinionGroups($id: ID!) {\n    process(id: $id) {\n      id\n      opinionGroups {\n        id\n        size\n        sectors {\n          sector\n          count\n        }\n        agreement {\n          proposalId\n          agreeShare\n          voters\n        }\n      }\n      splitSectors {\n        sector\n        members\n        largestGroupShare\n      }\n    }\n  }\n": typeof types.OpinionGroupsDocument,
    "\n  mutation SetRepresentationTargets($input: SetRepresentationTargetsInput!) {\n    setRepresentationTargets(input: $input) {\n      ...SectorShareFields\n    }\n  }\n": typeof types.SetRepresentationTargetsDocument,
    "\n  query ProcessThemes($id: ID!, $pillarId: ID) {\n    process(id: $id) {\n      id\n      pillars {\n        id\n        position\n        title\n        titleEn\n      }\n      themes(pillarId: $pillarId) {\n        ...ThemeFields\n      }\n    }\n  }\n": typeof types.ProcessThemesDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      participant {\n        id\n        displayName\n        kind\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      participant {\n        id\n        displayName\n        kind\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  query ConsoleMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      processId\n      title\n      status\n      joinCode\n      startsAt\n      location\n      currentItemId\n      timerEndsAt\n      startedAt\n      endedAt\n      agenda {\n        id\n        position\n        title\n        pillarId\n        proposalIds\n        plannedMinutes\n      }\n      admission\n      guestsPerDevice\n      attendanceBySector {\n        sector\n        count\n        guests\n        recentGuests\n      }\n      pendingGuests {\n        participantId\n        displayName\n        organization\n        sector\n        joinedAt\n      }\n      attendanceCount\n      attendance(first: 200) {\n        participantId\n        displayName\n        organization\n        sector\n        guest\n      }\n    }\n  }\n": typeof types.ConsoleMeetingDocument,
    "\n  query ConsoleProcess($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      defaultRule\n      defaultBallot\n      myMembership {\n        id\n        role\n      }\n      members(first: 200) {\n        id\n        participantId\n        sector\n        organization\n        participant {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.ConsoleProcessDocument,
    "\n  fragment ConsoleCommentFields on Comment {\n    id\n    stance\n    body\n    hidden\n    hiddenReason\n    authorSector\n    createdAt\n    author {\n      id\n      displayName\n    }\n  }\n": typeof types.ConsoleCommentFieldsFragmentDoc,
    "\n  query ConsoleProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      title\n      status\n      version\n      currentRound {\n        id\n        rule\n        threshold\n        minSectors\n        ballot\n        status\n        recordId\n        turnout\n      }\n      tally {\n        ...TallyFields\n      }\n      bridgingScore\n      commentCount\n      comments(first: 100) {\n        ...ConsoleCommentFields\n        replies {\n          ...ConsoleCommentFields\n        }\n      }\n    }\n  }\n": typeof types.ConsoleProposalDocument,
    "\n  mutation StartMeeting($meetingId: ID!) {\n    startMeeting(meetingId: $meetingId) {\n      id\n      status\n      joinCode\n      startedAt\n    }\n  }\n": typeof types.StartMeetingDocument,
    "\n  mutation EndMeeting($meetingId: ID!) {\n    endMeeting(meetingId: $meetingId) {\n      id\n      status\n      joinCode\n      endedAt\n    }\n  }\n": typeof types.EndMeetingDocument,
    "\n  mutation SetCurrentAgendaItem($meetingId: ID!, $itemId: ID!) {\n    setCurrentAgendaItem(meetingId: $meetingId, itemId: $itemId) {\n      id\n      currentItemId\n      timerEndsAt\n    }\n  }\n": typeof types.SetCurrentAgendaItemDocument,
    "\n  mutation StartTimer($meetingId: ID!, $minutes: Int!) {\n    startTimer(meetingId: $meetingId, minutes: $minutes) {\n      id\n      timerEndsAt\n    }\n  }\n": typeof types.StartTimerDocument,
    "\n  mutation StopTimer($meetingId: ID!) {\n    stopTimer(meetingId: $meetingId) {\n      id\n      timerEndsAt\n    }\n  }\n": typeof types.StopTimerDocument,
    "\n  mutation OpenVoting($input: OpenVotingInput!) {\n    openVoting(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.OpenVotingDocument,
    "\n  mutation CloseVoting($proposalId: ID!) {\n    closeVoting(proposalId: $proposalId) {\n      id\n      seq\n      outcome\n      hash\n    }\n  }\n": typeof types.CloseVotingDocument,
    "\n  mutation CastProxyVote($input: CastProxyVoteInput!) {\n    castProxyVote(input: $input) {\n      id\n      choice\n      proxy\n    }\n  }\n": typeof types.CastProxyVoteDocument,
    "\n  mutation HideComment($commentId: ID!, $reason: String!) {\n    hideComment(commentId: $commentId, reason: $reason) {\n      id\n      hidden\n      hiddenReason\n    }\n  }\n": typeof types.HideCommentDocument,
    "\n  mutation CreateMeeting($input: CreateMeetingInput!) {\n    createMeeting(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateMeetingDocument,
    "\n  query NewMeetingContext($id: ID!) {\n    process(id: $id) {\n      ...ProcessPillarsFields\n      proposals(first: 200) {\n        id\n        pillarId\n        title\n        status\n      }\n    }\n  }\n": typeof types.NewMeetingContextDocument,
    "\n  mutation SetMeetingAdmission($meetingId: ID!, $admission: Admission!, $guestsPerDevice: Int) {\n    setMeetingAdmission(meetingId: $meetingId, admission: $admission, guestsPerDevice: $guestsPerDevice) {\n      id\n      admission\n      guestsPerDevice\n    }\n  }\n": typeof types.SetMeetingAdmissionDocument,
    "\n  mutation AdmitGuest($meetingId: ID!, $participantId: ID!) {\n    admitGuest(meetingId: $meetingId, participantId: $participantId) {\n      participantId\n      admission\n    }\n  }\n": typeof types.AdmitGuestDocument,
    "\n  mutation DenyGuest($meetingId: ID!, $participantId: ID!) {\n    denyGuest(meetingId: $meetingId, participantId: $participantId) {\n      participantId\n      admission\n    }\n  }\n": typeof types.DenyGuestDocument,
    "\n  query ProposalTitle($id: ID!) {\n    proposal(id: $id) {\n      id\n      title\n      status\n    }\n  }\n": typeof types.ProposalTitleDocument,
    "\n  query ProgressReview($processId: ID!) {\n    progressReview(processId: $processId) {\n      title\n      since\n      proposalIds\n      plannedMinutes\n      newMeasurements\n      lateItems {\n        id\n        title\n      }\n      changedItems {\n        id\n        title\n      }\n    }\n  }\n": typeof types.ProgressReviewDocument,
    "\n  query DeliveryProcess($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      progressPublic\n      region\n      myMembership {\n        role\n        sector\n        organization\n      }\n      importedTemplates(first: 50) {\n        proposalId\n        title\n        status\n        provenance {\n          sourceProcess\n          sourceProcessTitle\n          region\n          recordHash\n          verified\n          verifyReason\n          importedAt\n        }\n      }\n    }\n  }\n": typeof types.DeliveryProcessDocument,
    "\n  mutation MoveRoadmapItem($input: UpdateActionItemInput!) {\n    updateActionItem(input: $input) {\n      id\n      status\n      progress\n      statusReason\n      late\n    }\n  }\n": typeof types.MoveRoadmapItemDocument,
    "\n  mutation RecordKpiMeasurement($input: RecordKpiMeasurementInput!) {\n    recordKpiMeasurement(input: $input) {\n      id\n      value\n      measuredAt\n    }\n  }\n": typeof types.RecordKpiMeasurementDocument,
    "\n  mutation UpdateDeliverySettings($input: UpdateDeliverySettingsInput!) {\n    updateDeliverySettings(input: $input) {\n      id\n      progressPublic\n      region\n    }\n  }\n": typeof types.UpdateDeliverySettingsDocument,
    "\n  mutation ImportPractice($processId: ID!, $package: JSON!) {\n    importPractice(processId: $processId, package: $package) {\n      id\n      title\n      provenance {\n        verified\n        verifyReason\n      }\n    }\n  }\n": typeof types.ImportPracticeDocument,
    "\n  mutation DemoSignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      participant {\n        id\n      }\n    }\n  }\n": typeof types.DemoSignInDocument,
    "\n  query Desk($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      myMembership {\n        id\n        role\n      }\n      records(first: 50) {\n        id\n        seq\n        proposalTitle\n        outcome\n        decidedAt\n        supersedesId\n      }\n      meetings(first: 50) {\n        id\n        title\n        status\n        startsAt\n        endedAt\n        minutes {\n          id\n          status\n          summary\n          contentHash\n          finalizedAt\n          updatedAt\n        }\n      }\n    }\n  }\n": typeof types.DeskDocument,
    "\n  fragment ActionItemFields on ActionItem {\n    id\n    title\n    ownerOrganization\n    ownerSector\n    dueDate\n    kpi\n    status\n  }\n": typeof types.ActionItemFieldsFragmentDoc,
    "\n  query RecordDetail($id: ID!) {\n    consensusRecord(id: $id) {\n      id\n      seq\n      proposalId\n      proposalTitle\n      proposalVersion\n      proposalHash\n      rule\n      ballot\n      outcome\n      decidedAt\n      prevHash\n      hash\n      supersedesId\n      correctionReason\n      tally {\n        ...TallyFields\n      }\n      reasons {\n        code\n        message\n      }\n      dissent(first: 100) {\n        id\n        kind\n        sector\n        choice\n        stance\n        text\n        authorName\n        response\n        respondedAt\n        respondedBy\n      }\n      actionItems(first: 100) {\n        ...ActionItemFields\n      }\n    }\n  }\n": typeof types.RecordDetailDocument,
    "\n  query VerifyChain($processId: ID!) {\n    verifyRecordChain(processId: $processId) {\n      valid\n      length\n      brokenAt\n      reason\n    }\n  }\n": typeof types.VerifyChainDocument,
    "\n  mutation RespondToDissent($input: RespondToDissentInput!) {\n    respondToDissent(input: $input) {\n      id\n      response\n      respondedAt\n      respondedBy\n    }\n  }\n": typeof types.RespondToDissentDocument,
    "\n  mutation AddActionItem($input: AddActionItemInput!) {\n    addActionItem(input: $input) {\n      ...ActionItemFields\n    }\n  }\n": typeof types.AddActionItemDocument,
    "\n  mutation UpdateActionItem($input: UpdateActionItemInput!) {\n    updateActionItem(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.UpdateActionItemDocument,
    "\n  mutation UpdateMinutesSummary($meetingId: ID!, $summary: String!) {\n    updateMinutesSummary(meetingId: $meetingId, summary: $summary) {\n      id\n      status\n      summary\n      updatedAt\n    }\n  }\n": typeof types.UpdateMinutesSummaryDocument,
    "\n  mutation FinalizeMinutes($meetingId: ID!) {\n    finalizeMinutes(meetingId: $meetingId) {\n      id\n      status\n      contentHash\n      finalizedAt\n    }\n  }\n": typeof types.FinalizeMinutesDocument,
    "\n  query MyInvitations {\n    myInvitations {\n      id\n      processId\n      processTitle\n      role\n      sector\n      organization\n      invitedBy\n      expiresAt\n    }\n  }\n": typeof types.MyInvitationsDocument,
    "\n  mutation AcceptInvitation($id: ID!) {\n    acceptInvitation(invitationId: $id) {\n      id\n      processId\n      role\n      sector\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(invitationId: $id)\n  }\n": typeof types.DeclineInvitationDocument,
    "\n  query MeetingByJoinCode($code: String!, $joinToken: String) {\n    meetingByJoinCode(code: $code, joinToken: $joinToken) {\n      admission\n      meetingId\n      title\n      processTitle\n      status\n      location\n      startsAt\n    }\n  }\n": typeof types.MeetingByJoinCodeDocument,
    "\n  mutation JoinMeeting($input: JoinMeetingInput!) {\n    joinMeeting(input: $input) {\n      admission\n      participant {\n        id\n        displayName\n        kind\n      }\n    }\n  }\n": typeof types.JoinMeetingDocument,
    "\n  query JoinedMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      processId\n    }\n  }\n": typeof types.JoinedMeetingDocument,
    "\n  query MyProcesses {\n    processes(first: 100) {\n      id\n      title\n      createdAt\n      myMembership {\n        id\n        role\n        sector\n      }\n    }\n  }\n": typeof types.MyProcessesDocument,
    "\n  query ProcessOverview($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      description\n      defaultRule\n      myMembership {\n        id\n        role\n        sector\n      }\n      pillars {\n        id\n        position\n        title\n        titleEn\n        proposalCount\n      }\n    }\n  }\n": typeof types.ProcessOverviewDocument,
    "\n  query PillarProposals($processId: ID!, $pillarId: ID!) {\n    process(id: $processId) {\n      id\n      proposals(pillarId: $pillarId, first: 200) {\n        id\n        title\n        status\n        version\n        updatedAt\n        authorSector\n        author {\n          id\n          displayName\n          organization\n        }\n        kpis {\n          ...KpiFields\n        }\n      }\n    }\n  }\n": typeof types.PillarProposalsDocument,
    "\n  query ProcessMeetings($id: ID!) {\n    process(id: $id) {\n      id\n      meetings(first: 20) {\n        id\n        title\n        status\n        startsAt\n        location\n        joinCode\n        currentItem {\n          id\n          title\n          proposalIds\n        }\n      }\n    }\n  }\n": typeof types.ProcessMeetingsDocument,
    "\n  fragment CommentFields on Comment {\n    id\n    parentId\n    stance\n    body\n    hidden\n    hiddenReason\n    authorSector\n    proposalVersion\n    createdAt\n    replyCount\n    author {\n      id\n      displayName\n      organization\n    }\n  }\n": typeof types.CommentFieldsFragmentDoc,
    "\n  fragment CommentThreadFields on Comment {\n    ...CommentFields\n    replies {\n      ...CommentFields\n      replies {\n        ...CommentFields\n      }\n    }\n  }\n": typeof types.CommentThreadFieldsFragmentDoc,
    "\n  query MoreComments($id: ID!, $offset: Int!) {\n    proposal(id: $id) {\n      id\n      comments(first: 50, offset: $offset) {\n        ...CommentThreadFields\n      }\n    }\n  }\n": typeof types.MoreCommentsDocument,
    "\n  query ProposalPage($id: ID!) {\n    proposal(id: $id) {\n      id\n      processId\n      pillarId\n      title\n      body\n      status\n      version\n      createdAt\n      updatedAt\n      authorId\n      authorSector\n      author {\n        id\n        displayName\n        organization\n      }\n      kpis {\n        ...KpiFields\n      }\n      versions(first: 50) {\n        version\n        title\n        note\n        createdAt\n      }\n      commentCount\n      comments(first: 50) {\n        ...CommentThreadFields\n      }\n      currentRound {\n        id\n        rule\n        threshold\n        minSectors\n        quorum\n        ballot\n        status\n        proposalVersion\n        openedAt\n        turnout\n      }\n      tally {\n        ...TallyFields\n      }\n      myVote {\n        id\n        choice\n        reason\n        updatedAt\n      }\n      bridgingScore\n    }\n  }\n": typeof types.ProposalPageDocument,
    "\n  query ProposalContext($processId: ID!) {\n    process(id: $processId) {\n      id\n      title\n      myMembership {\n        id\n        role\n        sector\n      }\n      pillars {\n        id\n        position\n        title\n        titleEn\n      }\n    }\n  }\n": typeof types.ProposalContextDocument,
    "\n  query VersionDiff($id: ID!, $from: Int!, $to: Int!) {\n    proposal(id: $id) {\n      id\n      diff(from: $from, to: $to) {\n        from\n        to\n        kpisChanged\n        title {\n          value\n          added\n          removed\n        }\n        body {\n          value\n          added\n          removed\n        }\n      }\n    }\n  }\n": typeof types.VersionDiffDocument,
    "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n    }\n  }\n": typeof types.AddCommentDocument,
    "\n  mutation CastVote($input: CastVoteInput!) {\n    castVote(input: $input) {\n      id\n      choice\n      reason\n      updatedAt\n    }\n  }\n": typeof types.CastVoteDocument,
    "\n  query NewProposalContext($id: ID!) {\n    process(id: $id) {\n      ...ProcessPillarsFields\n    }\n  }\n": typeof types.NewProposalContextDocument,
    "\n  mutation CreateProposal($input: CreateProposalInput!) {\n    createProposal(input: $input) {\n      id\n      processId\n      pillarId\n      title\n      status\n      version\n    }\n  }\n": typeof types.CreateProposalDocument,
    "\n  query EditProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      processId\n      authorId\n      title\n      body\n      status\n      version\n      kpis {\n        ...KpiFields\n      }\n    }\n  }\n": typeof types.EditProposalDocument,
    "\n  mutation AmendProposal($input: AmendProposalInput!) {\n    amendProposal(input: $input) {\n      id\n      title\n      body\n      version\n      status\n    }\n  }\n": typeof types.AmendProposalDocument,
    "\n  query ScreenMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      processId\n      title\n      status\n      joinCode\n      joinToken\n      currentItemId\n      timerEndsAt\n      attendanceCount\n      representation {\n        sector\n        count\n        underRepresented\n      }\n      currentItem {\n        id\n        position\n        title\n        proposalIds\n      }\n    }\n  }\n": typeof types.ScreenMeetingDocument,
    "\n  query ScreenProcess($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      proposals(status: VOTING, first: 200) {\n        id\n      }\n    }\n  }\n": typeof types.ScreenProcessDocument,
    "\n  query ScreenProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      title\n      status\n      currentRound {\n        id\n        status\n        rule\n        ballot\n        turnout\n      }\n      tally {\n        ...TallyFields\n      }\n      bridgingScore\n      # The newest few, hidden ones included (skipped on screen): enough to show the latest three.\n      comments(first: 6, newestFirst: true) {\n        id\n        stance\n        body\n        hidden\n        authorSector\n        createdAt\n        author {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.ScreenProposalDocument,
    "\n  mutation CreateProcess($input: CreateProcessInput!) {\n    createProcess(input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.CreateProcessDocument,
    "\n  query ProcessSettings($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      description\n      defaultRule\n      defaultBallot\n      dissentNamed\n      myMembership {\n        id\n        role\n      }\n      pillars {\n        id\n        key\n        position\n        title\n        titleEn\n        proposalCount\n      }\n      invitations {\n        id\n        email\n        role\n        sector\n        organization\n        expiresAt\n      }\n      members(first: 200) {\n        id\n        role\n        sector\n        organization\n        participantId\n        participant {\n          id\n          displayName\n          email\n          kind\n        }\n      }\n    }\n  }\n": typeof types.ProcessSettingsDocument,
    "\n  mutation UpdateProcess($input: UpdateProcessInput!) {\n    updateProcess(input: $input) {\n      id\n      title\n      description\n      defaultRule\n      defaultBallot\n      dissentNamed\n    }\n  }\n": typeof types.UpdateProcessDocument,
    "\n  mutation AddPillar($input: AddPillarInput!) {\n    addPillar(input: $input) {\n      id\n      position\n      title\n      titleEn\n    }\n  }\n": typeof types.AddPillarDocument,
    "\n  mutation RenamePillar($input: RenamePillarInput!) {\n    renamePillar(input: $input) {\n      id\n      title\n      titleEn\n    }\n  }\n": typeof types.RenamePillarDocument,
    "\n  mutation ReorderPillars($input: ReorderPillarsInput!) {\n    reorderPillars(input: $input) {\n      id\n      position\n    }\n  }\n": typeof types.ReorderPillarsDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input)\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(invitationId: $id)\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation RemoveMember($processId: ID!, $participantId: ID!) {\n    removeMember(processId: $processId, participantId: $participantId)\n  }\n": typeof types.RemoveMemberDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n      kind\n      email\n      organization\n      locale\n    }\n  }\n": typeof types.MeDocument,
    "\n  query MissingVoices($id: ID!, $meetingId: ID!) {\n    proposal(id: $id) {\n      id\n      missingVoices(meetingId: $meetingId)\n    }\n  }\n": typeof types.MissingVoicesDocument,
    "\n  fragment TallyFields on Tally {\n    agree\n    disagree\n    abstain\n    block\n    total\n    bySector {\n      sector\n      agree\n      disagree\n      abstain\n      block\n      total\n      mergedSectors\n    }\n  }\n": typeof types.TallyFieldsFragmentDoc,
    "\n  fragment ProcessPillarsFields on Process {\n    id\n    title\n    myMembership {\n      id\n      role\n    }\n    pillars {\n      id\n      position\n      title\n      titleEn\n    }\n  }\n": typeof types.ProcessPillarsFieldsFragmentDoc,
    "\n  fragment KpiFields on Kpi {\n    indicator\n    baseline\n    target\n    deadline\n  }\n": typeof types.KpiFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  fragment ThemeFields on Theme {\n    id\n    label\n    renamed\n    keyPhrases\n    size\n    sectors {\n      sector\n      count\n      share\n      target\n      underRepresented\n    }\n    smallSectors\n    silentSectors\n    stances {\n      stance\n      count\n    }\n    bridging\n    divide\n    trend\n  }\n": types.ThemeFieldsFragmentDoc,
    "\n  query MeetingThemes($id: ID!) {\n    meeting(id: $id) {\n      id\n      themes {\n        ...ThemeFields\n      }\n    }\n  }\n": types.MeetingThemesDocument,
    "\n  mutation RenameTheme($themeId: ID!, $label: String!) {\n    renameTheme(themeId: $themeId, label: $label) {\n      ...ThemeFields\n    }\n  }\n": types.RenameThemeDocument,
    "\n  mutation MergeThemes($themeIds: [ID!]!) {\n    mergeThemes(themeIds: $themeIds) {\n      ...ThemeFields\n    }\n  }\n": types.MergeThemesDocument,
    "\n  query AnalyticsOverview($id: ID!) {\n    process(id: $id) {\n      ...ProcessPillarsFields\n      proposals(first: 200) {\n        id\n        title\n        pillarId\n        status\n      }\n      bridgingRanking(first: 20) {\n        proposalId\n        score\n        voters\n      }\n      dialogueIndex\n      crossPillar {\n        pillarId\n        sector\n        meanAgreeShare\n        proposals\n      }\n      inclusion {\n        participants\n        youth {\n          share\n          count\n          base\n          suppressed\n        }\n        women {\n          share\n          count\n          base\n          suppressed\n        }\n      }\n    }\n  }\n": types.AnalyticsOverviewDocument,
    "\n  query AgreementMatrix($id: ID!, $pillarId: ID) {\n    process(id: $id) {\n      id\n      agreementMatrix(pillarId: $pillarId) {\n        proposalId\n        pillarId\n        sector\n        agreeShare\n        voters\n        suppressed\n      }\n    }\n  }\n": types.AgreementMatrixDocument,
    "\n  fragment SectorShareFields on SectorShare {\n    sector\n    count\n    share\n    target\n    underRepresented\n  }\n": types.SectorShareFieldsFragmentDoc,
    "\n  query Representation($id: ID!) {\n    process(id: $id) {\n      id\n      members: representation(basis: MEMBERS) {\n        ...SectorShareFields\n      }\n      voters: representation(basis: VOTERS) {\n        ...SectorShareFields\n      }\n    }\n  }\n": types.RepresentationDocument,
    "\n  query SectorWeighted($id: ID!) {\n    process(id: $id) {\n      id\n      proposals(first: 50) {\n        id\n        sectorWeighted {\n          agreeShare\n          rawAgreeShare\n          sectors\n        }\n      }\n    }\n  }\n": types.SectorWeightedDocument,
    "\n  query OpinionGroups($id: ID!) {\n    process(id: $id) {\n      id\n      opinionGroups {\n        id\n        size\n        sectors {\n          sector\n          count\n        }\n        agreement {\n          proposalId\n          agreeShare\n          voters\n        }\n      }\n      splitSectors {\n        sector\n        members\n        largestGroupShare\n      }\n    }\n  }\n": types.OpinionGroupsDocument,
    "\n  mutation SetRepresentationTargets($input: SetRepresentationTargetsInput!) {\n    setRepresentationTargets(input: $input) {\n      ...SectorShareFields\n    }\n  }\n": types.SetRepresentationTargetsDocument,
    "\n  query ProcessThemes($id: ID!, $pillarId: ID) {\n    process(id: $id) {\n      id\n      pillars {\n        id\n        position\n        title\n        titleEn\n      }\n      themes(pillarId: $pillarId) {\n        ...ThemeFields\n      }\n    }\n  }\n": types.ProcessThemesDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      participant {\n        id\n        displayName\n        kind\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      participant {\n        id\n        displayName\n        kind\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  query ConsoleMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      processId\n      title\n      status\n      joinCode\n      startsAt\n      location\n      currentItemId\n      timerEndsAt\n      startedAt\n      endedAt\n      agenda {\n        id\n        position\n        title\n        pillarId\n        proposalIds\n        plannedMinutes\n      }\n      admission\n      guestsPerDevice\n      attendanceBySector {\n        sector\n        count\n        guests\n        recentGuests\n      }\n      pendingGuests {\n        participantId\n        displayName\n        organization\n        sector\n        joinedAt\n      }\n      attendanceCount\n      attendance(first: 200) {\n        participantId\n        displayName\n        organization\n        sector\n        guest\n      }\n    }\n  }\n": types.ConsoleMeetingDocument,
    "\n  query ConsoleProcess($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      defaultRule\n      defaultBallot\n      myMembership {\n        id\n        role\n      }\n      members(first: 200) {\n        id\n        participantId\n        sector\n        organization\n        participant {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.ConsoleProcessDocument,
    "\n  fragment ConsoleCommentFields on Comment {\n    id\n    stance\n    body\n    hidden\n    hiddenReason\n    authorSector\n    createdAt\n    author {\n      id\n      displayName\n    }\n  }\n": types.ConsoleCommentFieldsFragmentDoc,
    "\n  query ConsoleProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      title\n      status\n      version\n      currentRound {\n        id\n        rule\n        threshold\n        minSectors\n        ballot\n        status\n        recordId\n        turnout\n      }\n      tally {\n        ...TallyFields\n      }\n      bridgingScore\n      commentCount\n      comments(first: 100) {\n        ...ConsoleCommentFields\n        replies {\n          ...ConsoleCommentFields\n        }\n      }\n    }\n  }\n": types.ConsoleProposalDocument,
    "\n  mutation StartMeeting($meetingId: ID!) {\n    startMeeting(meetingId: $meetingId) {\n      id\n      status\n      joinCode\n      startedAt\n    }\n  }\n": types.StartMeetingDocument,
    "\n  mutation EndMeeting($meetingId: ID!) {\n    endMeeting(meetingId: $meetingId) {\n      id\n      status\n      joinCode\n      endedAt\n    }\n  }\n": types.EndMeetingDocument,
    "\n  mutation SetCurrentAgendaItem($meetingId: ID!, $itemId: ID!) {\n    setCurrentAgendaItem(meetingId: $meetingId, itemId: $itemId) {\n      id\n      currentItemId\n      timerEndsAt\n    }\n  }\n": types.SetCurrentAgendaItemDocument,
    "\n  mutation StartTimer($meetingId: ID!, $minutes: Int!) {\n    startTimer(meetingId: $meetingId, minutes: $minutes) {\n      id\n      timerEndsAt\n    }\n  }\n": types.StartTimerDocument,
    "\n  mutation StopTimer($meetingId: ID!) {\n    stopTimer(meetingId: $meetingId) {\n      id\n      timerEndsAt\n    }\n  }\n": types.StopTimerDocument,
    "\n  mutation OpenVoting($input: OpenVotingInput!) {\n    openVoting(input: $input) {\n      id\n      status\n    }\n  }\n": types.OpenVotingDocument,
    "\n  mutation CloseVoting($proposalId: ID!) {\n    closeVoting(proposalId: $proposalId) {\n      id\n      seq\n      outcome\n      hash\n    }\n  }\n": types.CloseVotingDocument,
    "\n  mutation CastProxyVote($input: CastProxyVoteInput!) {\n    castProxyVote(input: $input) {\n      id\n      choice\n      proxy\n    }\n  }\n": types.CastProxyVoteDocument,
    "\n  mutation HideComment($commentId: ID!, $reason: String!) {\n    hideComment(commentId: $commentId, reason: $reason) {\n      id\n      hidden\n      hiddenReason\n    }\n  }\n": types.HideCommentDocument,
    "\n  mutation CreateMeeting($input: CreateMeetingInput!) {\n    createMeeting(input: $input) {\n      id\n    }\n  }\n": types.CreateMeetingDocument,
    "\n  query NewMeetingContext($id: ID!) {\n    process(id: $id) {\n      ...ProcessPillarsFields\n      proposals(first: 200) {\n        id\n        pillarId\n        title\n        status\n      }\n    }\n  }\n": types.NewMeetingContextDocument,
    "\n  mutation SetMeetingAdmission($meetingId: ID!, $admission: Admission!, $guestsPerDevice: Int) {\n    setMeetingAdmission(meetingId: $meetingId, admission: $admission, guestsPerDevice: $guestsPerDevice) {\n      id\n      admission\n      guestsPerDevice\n    }\n  }\n": types.SetMeetingAdmissionDocument,
    "\n  mutation AdmitGuest($meetingId: ID!, $participantId: ID!) {\n    admitGuest(meetingId: $meetingId, participantId: $participantId) {\n      participantId\n      admission\n    }\n  }\n": types.AdmitGuestDocument,
    "\n  mutation DenyGuest($meetingId: ID!, $participantId: ID!) {\n    denyGuest(meetingId: $meetingId, participantId: $participantId) {\n      participantId\n      admission\n    }\n  }\n": types.DenyGuestDocument,
    "\n  query ProposalTitle($id: ID!) {\n    proposal(id: $id) {\n      id\n      title\n      status\n    }\n  }\n": types.ProposalTitleDocument,
    "\n  query ProgressReview($processId: ID!) {\n    progressReview(processId: $processId) {\n      title\n      since\n      proposalIds\n      plannedMinutes\n      newMeasurements\n      lateItems {\n        id\n        title\n      }\n      changedItems {\n        id\n        title\n      }\n    }\n  }\n": types.ProgressReviewDocument,
    "\n  query DeliveryProcess($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      progressPublic\n      region\n      myMembership {\n        role\n        sector\n        organization\n      }\n      importedTemplates(first: 50) {\n        proposalId\n        title\n        status\n        provenance {\n          sourceProcess\n          sourceProcessTitle\n          region\n          recordHash\n          verified\n          verifyReason\n          importedAt\n        }\n      }\n    }\n  }\n": types.DeliveryProcessDocument,
    "\n  mutation MoveRoadmapItem($input: UpdateActionItemInput!) {\n    updateActionItem(input: $input) {\n      id\n      status\n      progress\n      statusReason\n      late\n    }\n  }\n": types.MoveRoadmapItemDocument,
    "\n  mutation RecordKpiMeasurement($input: RecordKpiMeasurementInput!) {\n    recordKpiMeasurement(input: $input) {\n      id\n      value\n      measuredAt\n    }\n  }\n": types.RecordKpiMeasurementDocument,
    "\n  mutation UpdateDeliverySettings($input: UpdateDeliverySettingsInput!) {\n    updateDeliverySettings(input: $input) {\n      id\n      progressPublic\n      region\n    }\n  }\n": types.UpdateDeliverySettingsDocument,
    "\n  mutation ImportPractice($processId: ID!, $package: JSON!) {\n    importPractice(processId: $processId, package: $package) {\n      id\n      title\n      provenance {\n        verified\n        verifyReason\n      }\n    }\n  }\n": types.ImportPracticeDocument,
    "\n  mutation DemoSignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      participant {\n        id\n      }\n    }\n  }\n": types.DemoSignInDocument,
    "\n  query Desk($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      myMembership {\n        id\n        role\n      }\n      records(first: 50) {\n        id\n        seq\n        proposalTitle\n        outcome\n        decidedAt\n        supersedesId\n      }\n      meetings(first: 50) {\n        id\n        title\n        status\n        startsAt\n        endedAt\n        minutes {\n          id\n          status\n          summary\n          contentHash\n          finalizedAt\n          updatedAt\n        }\n      }\n    }\n  }\n": types.DeskDocument,
    "\n  fragment ActionItemFields on ActionItem {\n    id\n    title\n    ownerOrganization\n    ownerSector\n    dueDate\n    kpi\n    status\n  }\n": types.ActionItemFieldsFragmentDoc,
    "\n  query RecordDetail($id: ID!) {\n    consensusRecord(id: $id) {\n      id\n      seq\n      proposalId\n      proposalTitle\n      proposalVersion\n      proposalHash\n      rule\n      ballot\n      outcome\n      decidedAt\n      prevHash\n      hash\n      supersedesId\n      correctionReason\n      tally {\n        ...TallyFields\n      }\n      reasons {\n        code\n        message\n      }\n      dissent(first: 100) {\n        id\n        kind\n        sector\n        choice\n        stance\n        text\n        authorName\n        response\n        respondedAt\n        respondedBy\n      }\n      actionItems(first: 100) {\n        ...ActionItemFields\n      }\n    }\n  }\n": types.RecordDetailDocument,
    "\n  query VerifyChain($processId: ID!) {\n    verifyRecordChain(processId: $processId) {\n      valid\n      length\n      brokenAt\n      reason\n    }\n  }\n": types.VerifyChainDocument,
    "\n  mutation RespondToDissent($input: RespondToDissentInput!) {\n    respondToDissent(input: $input) {\n      id\n      response\n      respondedAt\n      respondedBy\n    }\n  }\n": types.RespondToDissentDocument,
    "\n  mutation AddActionItem($input: AddActionItemInput!) {\n    addActionItem(input: $input) {\n      ...ActionItemFields\n    }\n  }\n": types.AddActionItemDocument,
    "\n  mutation UpdateActionItem($input: UpdateActionItemInput!) {\n    updateActionItem(input: $input) {\n      id\n      status\n    }\n  }\n": types.UpdateActionItemDocument,
    "\n  mutation UpdateMinutesSummary($meetingId: ID!, $summary: String!) {\n    updateMinutesSummary(meetingId: $meetingId, summary: $summary) {\n      id\n      status\n      summary\n      updatedAt\n    }\n  }\n": types.UpdateMinutesSummaryDocument,
    "\n  mutation FinalizeMinutes($meetingId: ID!) {\n    finalizeMinutes(meetingId: $meetingId) {\n      id\n      status\n      contentHash\n      finalizedAt\n    }\n  }\n": types.FinalizeMinutesDocument,
    "\n  query MyInvitations {\n    myInvitations {\n      id\n      processId\n      processTitle\n      role\n      sector\n      organization\n      invitedBy\n      expiresAt\n    }\n  }\n": types.MyInvitationsDocument,
    "\n  mutation AcceptInvitation($id: ID!) {\n    acceptInvitation(invitationId: $id) {\n      id\n      processId\n      role\n      sector\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(invitationId: $id)\n  }\n": types.DeclineInvitationDocument,
    "\n  query MeetingByJoinCode($code: String!, $joinToken: String) {\n    meetingByJoinCode(code: $code, joinToken: $joinToken) {\n      admission\n      meetingId\n      title\n      processTitle\n      status\n      location\n      startsAt\n    }\n  }\n": types.MeetingByJoinCodeDocument,
    "\n  mutation JoinMeeting($input: JoinMeetingInput!) {\n    joinMeeting(input: $input) {\n      admission\n      participant {\n        id\n        displayName\n        kind\n      }\n    }\n  }\n": types.JoinMeetingDocument,
    "\n  query JoinedMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      processId\n    }\n  }\n": types.JoinedMeetingDocument,
    "\n  query MyProcesses {\n    processes(first: 100) {\n      id\n      title\n      createdAt\n      myMembership {\n        id\n        role\n        sector\n      }\n    }\n  }\n": types.MyProcessesDocument,
    "\n  query ProcessOverview($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      description\n      defaultRule\n      myMembership {\n        id\n        role\n        sector\n      }\n      pillars {\n        id\n        position\n        title\n        titleEn\n        proposalCount\n      }\n    }\n  }\n": types.ProcessOverviewDocument,
    "\n  query PillarProposals($processId: ID!, $pillarId: ID!) {\n    process(id: $processId) {\n      id\n      proposals(pillarId: $pillarId, first: 200) {\n        id\n        title\n        status\n        version\n        updatedAt\n        authorSector\n        author {\n          id\n          displayName\n          organization\n        }\n        kpis {\n          ...KpiFields\n        }\n      }\n    }\n  }\n": types.PillarProposalsDocument,
    "\n  query ProcessMeetings($id: ID!) {\n    process(id: $id) {\n      id\n      meetings(first: 20) {\n        id\n        title\n        status\n        startsAt\n        location\n        joinCode\n        currentItem {\n          id\n          title\n          proposalIds\n        }\n      }\n    }\n  }\n": types.ProcessMeetingsDocument,
    "\n  fragment CommentFields on Comment {\n    id\n    parentId\n    stance\n    body\n    hidden\n    hiddenReason\n    authorSector\n    proposalVersion\n    createdAt\n    replyCount\n    author {\n      id\n      displayName\n      organization\n    }\n  }\n": types.CommentFieldsFragmentDoc,
    "\n  fragment CommentThreadFields on Comment {\n    ...CommentFields\n    replies {\n      ...CommentFields\n      replies {\n        ...CommentFields\n      }\n    }\n  }\n": types.CommentThreadFieldsFragmentDoc,
    "\n  query MoreComments($id: ID!, $offset: Int!) {\n    proposal(id: $id) {\n      id\n      comments(first: 50, offset: $offset) {\n        ...CommentThreadFields\n      }\n    }\n  }\n": types.MoreCommentsDocument,
    "\n  query ProposalPage($id: ID!) {\n    proposal(id: $id) {\n      id\n      processId\n      pillarId\n      title\n      body\n      status\n      version\n      createdAt\n      updatedAt\n      authorId\n      authorSector\n      author {\n        id\n        displayName\n        organization\n      }\n      kpis {\n        ...KpiFields\n      }\n      versions(first: 50) {\n        version\n        title\n        note\n        createdAt\n      }\n      commentCount\n      comments(first: 50) {\n        ...CommentThreadFields\n      }\n      currentRound {\n        id\n        rule\n        threshold\n        minSectors\n        quorum\n        ballot\n        status\n        proposalVersion\n        openedAt\n        turnout\n      }\n      tally {\n        ...TallyFields\n      }\n      myVote {\n        id\n        choice\n        reason\n        updatedAt\n      }\n      bridgingScore\n    }\n  }\n": types.ProposalPageDocument,
    "\n  query ProposalContext($processId: ID!) {\n    process(id: $processId) {\n      id\n      title\n      myMembership {\n        id\n        role\n        sector\n      }\n      pillars {\n        id\n        position\n        title\n        titleEn\n      }\n    }\n  }\n": types.ProposalContextDocument,
    "\n  query VersionDiff($id: ID!, $from: Int!, $to: Int!) {\n    proposal(id: $id) {\n      id\n      diff(from: $from, to: $to) {\n        from\n        to\n        kpisChanged\n        title {\n          value\n          added\n          removed\n        }\n        body {\n          value\n          added\n          removed\n        }\n      }\n    }\n  }\n": types.VersionDiffDocument,
    "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n    }\n  }\n": types.AddCommentDocument,
    "\n  mutation CastVote($input: CastVoteInput!) {\n    castVote(input: $input) {\n      id\n      choice\n      reason\n      updatedAt\n    }\n  }\n": types.CastVoteDocument,
    "\n  query NewProposalContext($id: ID!) {\n    process(id: $id) {\n      ...ProcessPillarsFields\n    }\n  }\n": types.NewProposalContextDocument,
    "\n  mutation CreateProposal($input: CreateProposalInput!) {\n    createProposal(input: $input) {\n      id\n      processId\n      pillarId\n      title\n      status\n      version\n    }\n  }\n": types.CreateProposalDocument,
    "\n  query EditProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      processId\n      authorId\n      title\n      body\n      status\n      version\n      kpis {\n        ...KpiFields\n      }\n    }\n  }\n": types.EditProposalDocument,
    "\n  mutation AmendProposal($input: AmendProposalInput!) {\n    amendProposal(input: $input) {\n      id\n      title\n      body\n      version\n      status\n    }\n  }\n": types.AmendProposalDocument,
    "\n  query ScreenMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      processId\n      title\n      status\n      joinCode\n      joinToken\n      currentItemId\n      timerEndsAt\n      attendanceCount\n      representation {\n        sector\n        count\n        underRepresented\n      }\n      currentItem {\n        id\n        position\n        title\n        proposalIds\n      }\n    }\n  }\n": types.ScreenMeetingDocument,
    "\n  query ScreenProcess($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      proposals(status: VOTING, first: 200) {\n        id\n      }\n    }\n  }\n": types.ScreenProcessDocument,
    "\n  query ScreenProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      title\n      status\n      currentRound {\n        id\n        status\n        rule\n        ballot\n        turnout\n      }\n      tally {\n        ...TallyFields\n      }\n      bridgingScore\n      # The newest few, hidden ones included (skipped on screen): enough to show the latest three.\n      comments(first: 6, newestFirst: true) {\n        id\n        stance\n        body\n        hidden\n        authorSector\n        createdAt\n        author {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.ScreenProposalDocument,
    "\n  mutation CreateProcess($input: CreateProcessInput!) {\n    createProcess(input: $input) {\n      id\n      title\n    }\n  }\n": types.CreateProcessDocument,
    "\n  query ProcessSettings($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      description\n      defaultRule\n      defaultBallot\n      dissentNamed\n      myMembership {\n        id\n        role\n      }\n      pillars {\n        id\n        key\n        position\n        title\n        titleEn\n        proposalCount\n      }\n      invitations {\n        id\n        email\n        role\n        sector\n        organization\n        expiresAt\n      }\n      members(first: 200) {\n        id\n        role\n        sector\n        organization\n        participantId\n        participant {\n          id\n          displayName\n          email\n          kind\n        }\n      }\n    }\n  }\n": types.ProcessSettingsDocument,
    "\n  mutation UpdateProcess($input: UpdateProcessInput!) {\n    updateProcess(input: $input) {\n      id\n      title\n      description\n      defaultRule\n      defaultBallot\n      dissentNamed\n    }\n  }\n": types.UpdateProcessDocument,
    "\n  mutation AddPillar($input: AddPillarInput!) {\n    addPillar(input: $input) {\n      id\n      position\n      title\n      titleEn\n    }\n  }\n": types.AddPillarDocument,
    "\n  mutation RenamePillar($input: RenamePillarInput!) {\n    renamePillar(input: $input) {\n      id\n      title\n      titleEn\n    }\n  }\n": types.RenamePillarDocument,
    "\n  mutation ReorderPillars($input: ReorderPillarsInput!) {\n    reorderPillars(input: $input) {\n      id\n      position\n    }\n  }\n": types.ReorderPillarsDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input)\n  }\n": types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(invitationId: $id)\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation RemoveMember($processId: ID!, $participantId: ID!) {\n    removeMember(processId: $processId, participantId: $participantId)\n  }\n": types.RemoveMemberDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n      kind\n      email\n      organization\n      locale\n    }\n  }\n": types.MeDocument,
    "\n  query MissingVoices($id: ID!, $meetingId: ID!) {\n    proposal(id: $id) {\n      id\n      missingVoices(meetingId: $meetingId)\n    }\n  }\n": types.MissingVoicesDocument,
    "\n  fragment TallyFields on Tally {\n    agree\n    disagree\n    abstain\n    block\n    total\n    bySector {\n      sector\n      agree\n      disagree\n      abstain\n      block\n      total\n      mergedSectors\n    }\n  }\n": types.TallyFieldsFragmentDoc,
    "\n  fragment ProcessPillarsFields on Process {\n    id\n    title\n    myMembership {\n      id\n      role\n    }\n    pillars {\n      id\n      position\n      title\n      titleEn\n    }\n  }\n": types.ProcessPillarsFieldsFragmentDoc,
    "\n  fragment KpiFields on Kpi {\n    indicator\n    baseline\n    target\n    deadline\n  }\n": types.KpiFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ThemeFields on Theme {\n    id\n    label\n    renamed\n    keyPhrases\n    size\n    sectors {\n      sector\n      count\n      share\n      target\n      underRepresented\n    }\n    smallSectors\n    silentSectors\n    stances {\n      stance\n      count\n    }\n    bridging\n    divide\n    trend\n  }\n"): (typeof documents)["\n  fragment ThemeFields on Theme {\n    id\n    label\n    renamed\n    keyPhrases\n    size\n    sectors {\n      sector\n      count\n      share\n      target\n      underRepresented\n    }\n    smallSectors\n    silentSectors\n    stances {\n      stance\n      count\n    }\n    bridging\n    divide\n    trend\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingThemes($id: ID!) {\n    meeting(id: $id) {\n      id\n      themes {\n        ...ThemeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query MeetingThemes($id: ID!) {\n    meeting(id: $id) {\n      id\n      themes {\n        ...ThemeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameTheme($themeId: ID!, $label: String!) {\n    renameTheme(themeId: $themeId, label: $label) {\n      ...ThemeFields\n    }\n  }\n"): (typeof documents)["\n  mutation RenameTheme($themeId: ID!, $label: String!) {\n    renameTheme(themeId: $themeId, label: $label) {\n      ...ThemeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeThemes($themeIds: [ID!]!) {\n    mergeThemes(themeIds: $themeIds) {\n      ...ThemeFields\n    }\n  }\n"): (typeof documents)["\n  mutation MergeThemes($themeIds: [ID!]!) {\n    mergeThemes(themeIds: $themeIds) {\n      ...ThemeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsOverview($id: ID!) {\n    process(id: $id) {\n      ...ProcessPillarsFields\n      proposals(first: 200) {\n        id\n        title\n        pillarId\n        status\n      }\n      bridgingRanking(first: 20) {\n        proposalId\n        score\n        voters\n      }\n      dialogueIndex\n      crossPillar {\n        pillarId\n        sector\n        meanAgreeShare\n        proposals\n      }\n      inclusion {\n        participants\n        youth {\n          share\n          count\n          base\n          suppressed\n        }\n        women {\n          share\n          count\n          base\n          suppressed\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnalyticsOverview($id: ID!) {\n    process(id: $id) {\n      ...ProcessPillarsFields\n      proposals(first: 200) {\n        id\n        title\n        pillarId\n        status\n      }\n      bridgingRanking(first: 20) {\n        proposalId\n        score\n        voters\n      }\n      dialogueIndex\n      crossPillar {\n        pillarId\n        sector\n        meanAgreeShare\n        proposals\n      }\n      inclusion {\n        participants\n        youth {\n          share\n          count\n          base\n          suppressed\n        }\n        women {\n          share\n          count\n          base\n          suppressed\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgreementMatrix($id: ID!, $pillarId: ID) {\n    process(id: $id) {\n      id\n      agreementMatrix(pillarId: $pillarId) {\n        proposalId\n        pillarId\n        sector\n        agreeShare\n        voters\n        suppressed\n      }\n    }\n  }\n"): (typeof documents)["\n  query AgreementMatrix($id: ID!, $pillarId: ID) {\n    process(id: $id) {\n      id\n      agreementMatrix(pillarId: $pillarId) {\n        proposalId\n        pillarId\n        sector\n        agreeShare\n        voters\n        suppressed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SectorShareFields on SectorShare {\n    sector\n    count\n    share\n    target\n    underRepresented\n  }\n"): (typeof documents)["\n  fragment SectorShareFields on SectorShare {\n    sector\n    count\n    share\n    target\n    underRepresented\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Representation($id: ID!) {\n    process(id: $id) {\n      id\n      members: representation(basis: MEMBERS) {\n        ...SectorShareFields\n      }\n      voters: representation(basis: VOTERS) {\n        ...SectorShareFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Representation($id: ID!) {\n    process(id: $id) {\n      id\n      members: representation(basis: MEMBERS) {\n        ...SectorShareFields\n      }\n      voters: representation(basis: VOTERS) {\n        ...SectorShareFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SectorWeighted($id: ID!) {\n    process(id: $id) {\n      id\n      proposals(first: 50) {\n        id\n        sectorWeighted {\n          agreeShare\n          rawAgreeShare\n          sectors\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SectorWeighted($id: ID!) {\n    process(id: $id) {\n      id\n      proposals(first: 50) {\n        id\n        sectorWeighted {\n          agreeShare\n          rawAgreeShare\n          sectors\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpinionGroups($id: ID!) {\n    process(id: $id) {\n      id\n      opinionGroups {\n        id\n        size\n        sectors {\n          sector\n          count\n        }\n        agreement {\n          proposalId\n          agreeShare\n          voters\n        }\n      }\n      splitSectors {\n        sector\n        members\n        largestGroupShare\n      }\n    }\n  }\n"): (typeof documents)["\n  query OpinionGroups($id: ID!) {\n    process(id: $id) {\n      id\n      opinionGroups {\n        id\n        size\n        sectors {\n          sector\n          count\n        }\n        agreement {\n          proposalId\n          agreeShare\n          voters\n        }\n      }\n      splitSectors {\n        sector\n        members\n        largestGroupShare\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRepresentationTargets($input: SetRepresentationTargetsInput!) {\n    setRepresentationTargets(input: $input) {\n      ...SectorShareFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetRepresentationTargets($input: SetRepresentationTargetsInput!) {\n    setRepresentationTargets(input: $input) {\n      ...SectorShareFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcessThemes($id: ID!, $pillarId: ID) {\n    process(id: $id) {\n      id\n      pillars {\n        id\n        position\n        title\n        titleEn\n      }\n      themes(pillarId: $pillarId) {\n        ...ThemeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProcessThemes($id: ID!, $pillarId: ID) {\n    process(id: $id) {\n      id\n      pillars {\n        id\n        position\n        title\n        titleEn\n      }\n      themes(pillarId: $pillarId) {\n        ...ThemeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      participant {\n        id\n        displayName\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      participant {\n        id\n        displayName\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      participant {\n        id\n        displayName\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      participant {\n        id\n        displayName\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      processId\n      title\n      status\n      joinCode\n      startsAt\n      location\n      currentItemId\n      timerEndsAt\n      startedAt\n      endedAt\n      agenda {\n        id\n        position\n        title\n        pillarId\n        proposalIds\n        plannedMinutes\n      }\n      admission\n      guestsPerDevice\n      attendanceBySector {\n        sector\n        count\n        guests\n        recentGuests\n      }\n      pendingGuests {\n        participantId\n        displayName\n        organization\n        sector\n        joinedAt\n      }\n      attendanceCount\n      attendance(first: 200) {\n        participantId\n        displayName\n        organization\n        sector\n        guest\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      processId\n      title\n      status\n      joinCode\n      startsAt\n      location\n      currentItemId\n      timerEndsAt\n      startedAt\n      endedAt\n      agenda {\n        id\n        position\n        title\n        pillarId\n        proposalIds\n        plannedMinutes\n      }\n      admission\n      guestsPerDevice\n      attendanceBySector {\n        sector\n        count\n        guests\n        recentGuests\n      }\n      pendingGuests {\n        participantId\n        displayName\n        organization\n        sector\n        joinedAt\n      }\n      attendanceCount\n      attendance(first: 200) {\n        participantId\n        displayName\n        organization\n        sector\n        guest\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleProcess($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      defaultRule\n      defaultBallot\n      myMembership {\n        id\n        role\n      }\n      members(first: 200) {\n        id\n        participantId\n        sector\n        organization\n        participant {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleProcess($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      defaultRule\n      defaultBallot\n      myMembership {\n        id\n        role\n      }\n      members(first: 200) {\n        id\n        participantId\n        sector\n        organization\n        participant {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleCommentFields on Comment {\n    id\n    stance\n    body\n    hidden\n    hiddenReason\n    authorSector\n    createdAt\n    author {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment ConsoleCommentFields on Comment {\n    id\n    stance\n    body\n    hidden\n    hiddenReason\n    authorSector\n    createdAt\n    author {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      title\n      status\n      version\n      currentRound {\n        id\n        rule\n        threshold\n        minSectors\n        ballot\n        status\n        recordId\n        turnout\n      }\n      tally {\n        ...TallyFields\n      }\n      bridgingScore\n      commentCount\n      comments(first: 100) {\n        ...ConsoleCommentFields\n        replies {\n          ...ConsoleCommentFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      title\n      status\n      version\n      currentRound {\n        id\n        rule\n        threshold\n        minSectors\n        ballot\n        status\n        recordId\n        turnout\n      }\n      tally {\n        ...TallyFields\n      }\n      bridgingScore\n      commentCount\n      comments(first: 100) {\n        ...ConsoleCommentFields\n        replies {\n          ...ConsoleCommentFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartMeeting($meetingId: ID!) {\n    startMeeting(meetingId: $meetingId) {\n      id\n      status\n      joinCode\n      startedAt\n    }\n  }\n"): (typeof documents)["\n  mutation StartMeeting($meetingId: ID!) {\n    startMeeting(meetingId: $meetingId) {\n      id\n      status\n      joinCode\n      startedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndMeeting($meetingId: ID!) {\n    endMeeting(meetingId: $meetingId) {\n      id\n      status\n      joinCode\n      endedAt\n    }\n  }\n"): (typeof documents)["\n  mutation EndMeeting($meetingId: ID!) {\n    endMeeting(meetingId: $meetingId) {\n      id\n      status\n      joinCode\n      endedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCurrentAgendaItem($meetingId: ID!, $itemId: ID!) {\n    setCurrentAgendaItem(meetingId: $meetingId, itemId: $itemId) {\n      id\n      currentItemId\n      timerEndsAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetCurrentAgendaItem($meetingId: ID!, $itemId: ID!) {\n    setCurrentAgendaItem(meetingId: $meetingId, itemId: $itemId) {\n      id\n      currentItemId\n      timerEndsAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartTimer($meetingId: ID!, $minutes: Int!) {\n    startTimer(meetingId: $meetingId, minutes: $minutes) {\n      id\n      timerEndsAt\n    }\n  }\n"): (typeof documents)["\n  mutation StartTimer($meetingId: ID!, $minutes: Int!) {\n    startTimer(meetingId: $meetingId, minutes: $minutes) {\n      id\n      timerEndsAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopTimer($meetingId: ID!) {\n    stopTimer(meetingId: $meetingId) {\n      id\n      timerEndsAt\n    }\n  }\n"): (typeof documents)["\n  mutation StopTimer($meetingId: ID!) {\n    stopTimer(meetingId: $meetingId) {\n      id\n      timerEndsAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenVoting($input: OpenVotingInput!) {\n    openVoting(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation OpenVoting($input: OpenVotingInput!) {\n    openVoting(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseVoting($proposalId: ID!) {\n    closeVoting(proposalId: $proposalId) {\n      id\n      seq\n      outcome\n      hash\n    }\n  }\n"): (typeof documents)["\n  mutation CloseVoting($proposalId: ID!) {\n    closeVoting(proposalId: $proposalId) {\n      id\n      seq\n      outcome\n      hash\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CastProxyVote($input: CastProxyVoteInput!) {\n    castProxyVote(input: $input) {\n      id\n      choice\n      proxy\n    }\n  }\n"): (typeof documents)["\n  mutation CastProxyVote($input: CastProxyVoteInput!) {\n    castProxyVote(input: $input) {\n      id\n      choice\n      proxy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HideComment($commentId: ID!, $reason: String!) {\n    hideComment(commentId: $commentId, reason: $reason) {\n      id\n      hidden\n      hiddenReason\n    }\n  }\n"): (typeof documents)["\n  mutation HideComment($commentId: ID!, $reason: String!) {\n    hideComment(commentId: $commentId, reason: $reason) {\n      id\n      hidden\n      hiddenReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMeeting($input: CreateMeetingInput!) {\n    createMeeting(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMeeting($input: CreateMeetingInput!) {\n    createMeeting(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewMeetingContext($id: ID!) {\n    process(id: $id) {\n      ...ProcessPillarsFields\n      proposals(first: 200) {\n        id\n        pillarId\n        title\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query NewMeetingContext($id: ID!) {\n    process(id: $id) {\n      ...ProcessPillarsFields\n      proposals(first: 200) {\n        id\n        pillarId\n        title\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMeetingAdmission($meetingId: ID!, $admission: Admission!, $guestsPerDevice: Int) {\n    setMeetingAdmission(meetingId: $meetingId, admission: $admission, guestsPerDevice: $guestsPerDevice) {\n      id\n      admission\n      guestsPerDevice\n    }\n  }\n"): (typeof documents)["\n  mutation SetMeetingAdmission($meetingId: ID!, $admission: Admission!, $guestsPerDevice: Int) {\n    setMeetingAdmission(meetingId: $meetingId, admission: $admission, guestsPerDevice: $guestsPerDevice) {\n      id\n      admission\n      guestsPerDevice\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdmitGuest($meetingId: ID!, $participantId: ID!) {\n    admitGuest(meetingId: $meetingId, participantId: $participantId) {\n      participantId\n      admission\n    }\n  }\n"): (typeof documents)["\n  mutation AdmitGuest($meetingId: ID!, $participantId: ID!) {\n    admitGuest(meetingId: $meetingId, participantId: $participantId) {\n      participantId\n      admission\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DenyGuest($meetingId: ID!, $participantId: ID!) {\n    denyGuest(meetingId: $meetingId, participantId: $participantId) {\n      participantId\n      admission\n    }\n  }\n"): (typeof documents)["\n  mutation DenyGuest($meetingId: ID!, $participantId: ID!) {\n    denyGuest(meetingId: $meetingId, participantId: $participantId) {\n      participantId\n      admission\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProposalTitle($id: ID!) {\n    proposal(id: $id) {\n      id\n      title\n      status\n    }\n  }\n"): (typeof documents)["\n  query ProposalTitle($id: ID!) {\n    proposal(id: $id) {\n      id\n      title\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgressReview($processId: ID!) {\n    progressReview(processId: $processId) {\n      title\n      since\n      proposalIds\n      plannedMinutes\n      newMeasurements\n      lateItems {\n        id\n        title\n      }\n      changedItems {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProgressReview($processId: ID!) {\n    progressReview(processId: $processId) {\n      title\n      since\n      proposalIds\n      plannedMinutes\n      newMeasurements\n      lateItems {\n        id\n        title\n      }\n      changedItems {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeliveryProcess($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      progressPublic\n      region\n      myMembership {\n        role\n        sector\n        organization\n      }\n      importedTemplates(first: 50) {\n        proposalId\n        title\n        status\n        provenance {\n          sourceProcess\n          sourceProcessTitle\n          region\n          recordHash\n          verified\n          verifyReason\n          importedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeliveryProcess($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      progressPublic\n      region\n      myMembership {\n        role\n        sector\n        organization\n      }\n      importedTemplates(first: 50) {\n        proposalId\n        title\n        status\n        provenance {\n          sourceProcess\n          sourceProcessTitle\n          region\n          recordHash\n          verified\n          verifyReason\n          importedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveRoadmapItem($input: UpdateActionItemInput!) {\n    updateActionItem(input: $input) {\n      id\n      status\n      progress\n      statusReason\n      late\n    }\n  }\n"): (typeof documents)["\n  mutation MoveRoadmapItem($input: UpdateActionItemInput!) {\n    updateActionItem(input: $input) {\n      id\n      status\n      progress\n      statusReason\n      late\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordKpiMeasurement($input: RecordKpiMeasurementInput!) {\n    recordKpiMeasurement(input: $input) {\n      id\n      value\n      measuredAt\n    }\n  }\n"): (typeof documents)["\n  mutation RecordKpiMeasurement($input: RecordKpiMeasurementInput!) {\n    recordKpiMeasurement(input: $input) {\n      id\n      value\n      measuredAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDeliverySettings($input: UpdateDeliverySettingsInput!) {\n    updateDeliverySettings(input: $input) {\n      id\n      progressPublic\n      region\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDeliverySettings($input: UpdateDeliverySettingsInput!) {\n    updateDeliverySettings(input: $input) {\n      id\n      progressPublic\n      region\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportPractice($processId: ID!, $package: JSON!) {\n    importPractice(processId: $processId, package: $package) {\n      id\n      title\n      provenance {\n        verified\n        verifyReason\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportPractice($processId: ID!, $package: JSON!) {\n    importPractice(processId: $processId, package: $package) {\n      id\n      title\n      provenance {\n        verified\n        verifyReason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoSignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      participant {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DemoSignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      participant {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Desk($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      myMembership {\n        id\n        role\n      }\n      records(first: 50) {\n        id\n        seq\n        proposalTitle\n        outcome\n        decidedAt\n        supersedesId\n      }\n      meetings(first: 50) {\n        id\n        title\n        status\n        startsAt\n        endedAt\n        minutes {\n          id\n          status\n          summary\n          contentHash\n          finalizedAt\n          updatedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Desk($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      myMembership {\n        id\n        role\n      }\n      records(first: 50) {\n        id\n        seq\n        proposalTitle\n        outcome\n        decidedAt\n        supersedesId\n      }\n      meetings(first: 50) {\n        id\n        title\n        status\n        startsAt\n        endedAt\n        minutes {\n          id\n          status\n          summary\n          contentHash\n          finalizedAt\n          updatedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActionItemFields on ActionItem {\n    id\n    title\n    ownerOrganization\n    ownerSector\n    dueDate\n    kpi\n    status\n  }\n"): (typeof documents)["\n  fragment ActionItemFields on ActionItem {\n    id\n    title\n    ownerOrganization\n    ownerSector\n    dueDate\n    kpi\n    status\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecordDetail($id: ID!) {\n    consensusRecord(id: $id) {\n      id\n      seq\n      proposalId\n      proposalTitle\n      proposalVersion\n      proposalHash\n      rule\n      ballot\n      outcome\n      decidedAt\n      prevHash\n      hash\n      supersedesId\n      correctionReason\n      tally {\n        ...TallyFields\n      }\n      reasons {\n        code\n        message\n      }\n      dissent(first: 100) {\n        id\n        kind\n        sector\n        choice\n        stance\n        text\n        authorName\n        response\n        respondedAt\n        respondedBy\n      }\n      actionItems(first: 100) {\n        ...ActionItemFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query RecordDetail($id: ID!) {\n    consensusRecord(id: $id) {\n      id\n      seq\n      proposalId\n      proposalTitle\n      proposalVersion\n      proposalHash\n      rule\n      ballot\n      outcome\n      decidedAt\n      prevHash\n      hash\n      supersedesId\n      correctionReason\n      tally {\n        ...TallyFields\n      }\n      reasons {\n        code\n        message\n      }\n      dissent(first: 100) {\n        id\n        kind\n        sector\n        choice\n        stance\n        text\n        authorName\n        response\n        respondedAt\n        respondedBy\n      }\n      actionItems(first: 100) {\n        ...ActionItemFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyChain($processId: ID!) {\n    verifyRecordChain(processId: $processId) {\n      valid\n      length\n      brokenAt\n      reason\n    }\n  }\n"): (typeof documents)["\n  query VerifyChain($processId: ID!) {\n    verifyRecordChain(processId: $processId) {\n      valid\n      length\n      brokenAt\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToDissent($input: RespondToDissentInput!) {\n    respondToDissent(input: $input) {\n      id\n      response\n      respondedAt\n      respondedBy\n    }\n  }\n"): (typeof documents)["\n  mutation RespondToDissent($input: RespondToDissentInput!) {\n    respondToDissent(input: $input) {\n      id\n      response\n      respondedAt\n      respondedBy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddActionItem($input: AddActionItemInput!) {\n    addActionItem(input: $input) {\n      ...ActionItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddActionItem($input: AddActionItemInput!) {\n    addActionItem(input: $input) {\n      ...ActionItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateActionItem($input: UpdateActionItemInput!) {\n    updateActionItem(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateActionItem($input: UpdateActionItemInput!) {\n    updateActionItem(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMinutesSummary($meetingId: ID!, $summary: String!) {\n    updateMinutesSummary(meetingId: $meetingId, summary: $summary) {\n      id\n      status\n      summary\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMinutesSummary($meetingId: ID!, $summary: String!) {\n    updateMinutesSummary(meetingId: $meetingId, summary: $summary) {\n      id\n      status\n      summary\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinalizeMinutes($meetingId: ID!) {\n    finalizeMinutes(meetingId: $meetingId) {\n      id\n      status\n      contentHash\n      finalizedAt\n    }\n  }\n"): (typeof documents)["\n  mutation FinalizeMinutes($meetingId: ID!) {\n    finalizeMinutes(meetingId: $meetingId) {\n      id\n      status\n      contentHash\n      finalizedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyInvitations {\n    myInvitations {\n      id\n      processId\n      processTitle\n      role\n      sector\n      organization\n      invitedBy\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query MyInvitations {\n    myInvitations {\n      id\n      processId\n      processTitle\n      role\n      sector\n      organization\n      invitedBy\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($id: ID!) {\n    acceptInvitation(invitationId: $id) {\n      id\n      processId\n      role\n      sector\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($id: ID!) {\n    acceptInvitation(invitationId: $id) {\n      id\n      processId\n      role\n      sector\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(invitationId: $id)\n  }\n"): (typeof documents)["\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(invitationId: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingByJoinCode($code: String!, $joinToken: String) {\n    meetingByJoinCode(code: $code, joinToken: $joinToken) {\n      admission\n      meetingId\n      title\n      processTitle\n      status\n      location\n      startsAt\n    }\n  }\n"): (typeof documents)["\n  query MeetingByJoinCode($code: String!, $joinToken: String) {\n    meetingByJoinCode(code: $code, joinToken: $joinToken) {\n      admission\n      meetingId\n      title\n      processTitle\n      status\n      location\n      startsAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinMeeting($input: JoinMeetingInput!) {\n    joinMeeting(input: $input) {\n      admission\n      participant {\n        id\n        displayName\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation JoinMeeting($input: JoinMeetingInput!) {\n    joinMeeting(input: $input) {\n      admission\n      participant {\n        id\n        displayName\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JoinedMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      processId\n    }\n  }\n"): (typeof documents)["\n  query JoinedMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      processId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyProcesses {\n    processes(first: 100) {\n      id\n      title\n      createdAt\n      myMembership {\n        id\n        role\n        sector\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyProcesses {\n    processes(first: 100) {\n      id\n      title\n      createdAt\n      myMembership {\n        id\n        role\n        sector\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcessOverview($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      description\n      defaultRule\n      myMembership {\n        id\n        role\n        sector\n      }\n      pillars {\n        id\n        position\n        title\n        titleEn\n        proposalCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProcessOverview($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      description\n      defaultRule\n      myMembership {\n        id\n        role\n        sector\n      }\n      pillars {\n        id\n        position\n        title\n        titleEn\n        proposalCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PillarProposals($processId: ID!, $pillarId: ID!) {\n    process(id: $processId) {\n      id\n      proposals(pillarId: $pillarId, first: 200) {\n        id\n        title\n        status\n        version\n        updatedAt\n        authorSector\n        author {\n          id\n          displayName\n          organization\n        }\n        kpis {\n          ...KpiFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PillarProposals($processId: ID!, $pillarId: ID!) {\n    process(id: $processId) {\n      id\n      proposals(pillarId: $pillarId, first: 200) {\n        id\n        title\n        status\n        version\n        updatedAt\n        authorSector\n        author {\n          id\n          displayName\n          organization\n        }\n        kpis {\n          ...KpiFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcessMeetings($id: ID!) {\n    process(id: $id) {\n      id\n      meetings(first: 20) {\n        id\n        title\n        status\n        startsAt\n        location\n        joinCode\n        currentItem {\n          id\n          title\n          proposalIds\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProcessMeetings($id: ID!) {\n    process(id: $id) {\n      id\n      meetings(first: 20) {\n        id\n        title\n        status\n        startsAt\n        location\n        joinCode\n        currentItem {\n          id\n          title\n          proposalIds\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommentFields on Comment {\n    id\n    parentId\n    stance\n    body\n    hidden\n    hiddenReason\n    authorSector\n    proposalVersion\n    createdAt\n    replyCount\n    author {\n      id\n      displayName\n      organization\n    }\n  }\n"): (typeof documents)["\n  fragment CommentFields on Comment {\n    id\n    parentId\n    stance\n    body\n    hidden\n    hiddenReason\n    authorSector\n    proposalVersion\n    createdAt\n    replyCount\n    author {\n      id\n      displayName\n      organization\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommentThreadFields on Comment {\n    ...CommentFields\n    replies {\n      ...CommentFields\n      replies {\n        ...CommentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CommentThreadFields on Comment {\n    ...CommentFields\n    replies {\n      ...CommentFields\n      replies {\n        ...CommentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MoreComments($id: ID!, $offset: Int!) {\n    proposal(id: $id) {\n      id\n      comments(first: 50, offset: $offset) {\n        ...CommentThreadFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query MoreComments($id: ID!, $offset: Int!) {\n    proposal(id: $id) {\n      id\n      comments(first: 50, offset: $offset) {\n        ...CommentThreadFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProposalPage($id: ID!) {\n    proposal(id: $id) {\n      id\n      processId\n      pillarId\n      title\n      body\n      status\n      version\n      createdAt\n      updatedAt\n      authorId\n      authorSector\n      author {\n        id\n        displayName\n        organization\n      }\n      kpis {\n        ...KpiFields\n      }\n      versions(first: 50) {\n        version\n        title\n        note\n        createdAt\n      }\n      commentCount\n      comments(first: 50) {\n        ...CommentThreadFields\n      }\n      currentRound {\n        id\n        rule\n        threshold\n        minSectors\n        quorum\n        ballot\n        status\n        proposalVersion\n        openedAt\n        turnout\n      }\n      tally {\n        ...TallyFields\n      }\n      myVote {\n        id\n        choice\n        reason\n        updatedAt\n      }\n      bridgingScore\n    }\n  }\n"): (typeof documents)["\n  query ProposalPage($id: ID!) {\n    proposal(id: $id) {\n      id\n      processId\n      pillarId\n      title\n      body\n      status\n      version\n      createdAt\n      updatedAt\n      authorId\n      authorSector\n      author {\n        id\n        displayName\n        organization\n      }\n      kpis {\n        ...KpiFields\n      }\n      versions(first: 50) {\n        version\n        title\n        note\n        createdAt\n      }\n      commentCount\n      comments(first: 50) {\n        ...CommentThreadFields\n      }\n      currentRound {\n        id\n        rule\n        threshold\n        minSectors\n        quorum\n        ballot\n        status\n        proposalVersion\n        openedAt\n        turnout\n      }\n      tally {\n        ...TallyFields\n      }\n      myVote {\n        id\n        choice\n        reason\n        updatedAt\n      }\n      bridgingScore\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProposalContext($processId: ID!) {\n    process(id: $processId) {\n      id\n      title\n      myMembership {\n        id\n        role\n        sector\n      }\n      pillars {\n        id\n        position\n        title\n        titleEn\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProposalContext($processId: ID!) {\n    process(id: $processId) {\n      id\n      title\n      myMembership {\n        id\n        role\n        sector\n      }\n      pillars {\n        id\n        position\n        title\n        titleEn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VersionDiff($id: ID!, $from: Int!, $to: Int!) {\n    proposal(id: $id) {\n      id\n      diff(from: $from, to: $to) {\n        from\n        to\n        kpisChanged\n        title {\n          value\n          added\n          removed\n        }\n        body {\n          value\n          added\n          removed\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query VersionDiff($id: ID!, $from: Int!, $to: Int!) {\n    proposal(id: $id) {\n      id\n      diff(from: $from, to: $to) {\n        from\n        to\n        kpisChanged\n        title {\n          value\n          added\n          removed\n        }\n        body {\n          value\n          added\n          removed\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CastVote($input: CastVoteInput!) {\n    castVote(input: $input) {\n      id\n      choice\n      reason\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation CastVote($input: CastVoteInput!) {\n    castVote(input: $input) {\n      id\n      choice\n      reason\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewProposalContext($id: ID!) {\n    process(id: $id) {\n      ...ProcessPillarsFields\n    }\n  }\n"): (typeof documents)["\n  query NewProposalContext($id: ID!) {\n    process(id: $id) {\n      ...ProcessPillarsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProposal($input: CreateProposalInput!) {\n    createProposal(input: $input) {\n      id\n      processId\n      pillarId\n      title\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProposal($input: CreateProposalInput!) {\n    createProposal(input: $input) {\n      id\n      processId\n      pillarId\n      title\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      processId\n      authorId\n      title\n      body\n      status\n      version\n      kpis {\n        ...KpiFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      processId\n      authorId\n      title\n      body\n      status\n      version\n      kpis {\n        ...KpiFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AmendProposal($input: AmendProposalInput!) {\n    amendProposal(input: $input) {\n      id\n      title\n      body\n      version\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AmendProposal($input: AmendProposalInput!) {\n    amendProposal(input: $input) {\n      id\n      title\n      body\n      version\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScreenMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      processId\n      title\n      status\n      joinCode\n      joinToken\n      currentItemId\n      timerEndsAt\n      attendanceCount\n      representation {\n        sector\n        count\n        underRepresented\n      }\n      currentItem {\n        id\n        position\n        title\n        proposalIds\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScreenMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      processId\n      title\n      status\n      joinCode\n      joinToken\n      currentItemId\n      timerEndsAt\n      attendanceCount\n      representation {\n        sector\n        count\n        underRepresented\n      }\n      currentItem {\n        id\n        position\n        title\n        proposalIds\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScreenProcess($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      proposals(status: VOTING, first: 200) {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScreenProcess($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      proposals(status: VOTING, first: 200) {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScreenProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      title\n      status\n      currentRound {\n        id\n        status\n        rule\n        ballot\n        turnout\n      }\n      tally {\n        ...TallyFields\n      }\n      bridgingScore\n      # The newest few, hidden ones included (skipped on screen): enough to show the latest three.\n      comments(first: 6, newestFirst: true) {\n        id\n        stance\n        body\n        hidden\n        authorSector\n        createdAt\n        author {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScreenProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      title\n      status\n      currentRound {\n        id\n        status\n        rule\n        ballot\n        turnout\n      }\n      tally {\n        ...TallyFields\n      }\n      bridgingScore\n      # The newest few, hidden ones included (skipped on screen): enough to show the latest three.\n      comments(first: 6, newestFirst: true) {\n        id\n        stance\n        body\n        hidden\n        authorSector\n        createdAt\n        author {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProcess($input: CreateProcessInput!) {\n    createProcess(input: $input) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProcess($input: CreateProcessInput!) {\n    createProcess(input: $input) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcessSettings($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      description\n      defaultRule\n      defaultBallot\n      dissentNamed\n      myMembership {\n        id\n        role\n      }\n      pillars {\n        id\n        key\n        position\n        title\n        titleEn\n        proposalCount\n      }\n      invitations {\n        id\n        email\n        role\n        sector\n        organization\n        expiresAt\n      }\n      members(first: 200) {\n        id\n        role\n        sector\n        organization\n        participantId\n        participant {\n          id\n          displayName\n          email\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProcessSettings($id: ID!) {\n    process(id: $id) {\n      id\n      title\n      description\n      defaultRule\n      defaultBallot\n      dissentNamed\n      myMembership {\n        id\n        role\n      }\n      pillars {\n        id\n        key\n        position\n        title\n        titleEn\n        proposalCount\n      }\n      invitations {\n        id\n        email\n        role\n        sector\n        organization\n        expiresAt\n      }\n      members(first: 200) {\n        id\n        role\n        sector\n        organization\n        participantId\n        participant {\n          id\n          displayName\n          email\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProcess($input: UpdateProcessInput!) {\n    updateProcess(input: $input) {\n      id\n      title\n      description\n      defaultRule\n      defaultBallot\n      dissentNamed\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProcess($input: UpdateProcessInput!) {\n    updateProcess(input: $input) {\n      id\n      title\n      description\n      defaultRule\n      defaultBallot\n      dissentNamed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddPillar($input: AddPillarInput!) {\n    addPillar(input: $input) {\n      id\n      position\n      title\n      titleEn\n    }\n  }\n"): (typeof documents)["\n  mutation AddPillar($input: AddPillarInput!) {\n    addPillar(input: $input) {\n      id\n      position\n      title\n      titleEn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenamePillar($input: RenamePillarInput!) {\n    renamePillar(input: $input) {\n      id\n      title\n      titleEn\n    }\n  }\n"): (typeof documents)["\n  mutation RenamePillar($input: RenamePillarInput!) {\n    renamePillar(input: $input) {\n      id\n      title\n      titleEn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReorderPillars($input: ReorderPillarsInput!) {\n    reorderPillars(input: $input) {\n      id\n      position\n    }\n  }\n"): (typeof documents)["\n  mutation ReorderPillars($input: ReorderPillarsInput!) {\n    reorderPillars(input: $input) {\n      id\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input)\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(invitationId: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(invitationId: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($processId: ID!, $participantId: ID!) {\n    removeMember(processId: $processId, participantId: $participantId)\n  }\n"): (typeof documents)["\n  mutation RemoveMember($processId: ID!, $participantId: ID!) {\n    removeMember(processId: $processId, participantId: $participantId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      displayName\n      kind\n      email\n      organization\n      locale\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      displayName\n      kind\n      email\n      organization\n      locale\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MissingVoices($id: ID!, $meetingId: ID!) {\n    proposal(id: $id) {\n      id\n      missingVoices(meetingId: $meetingId)\n    }\n  }\n"): (typeof documents)["\n  query MissingVoices($id: ID!, $meetingId: ID!) {\n    proposal(id: $id) {\n      id\n      missingVoices(meetingId: $meetingId)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TallyFields on Tally {\n    agree\n    disagree\n    abstain\n    block\n    total\n    bySector {\n      sector\n      agree\n      disagree\n      abstain\n      block\n      total\n      mergedSectors\n    }\n  }\n"): (typeof documents)["\n  fragment TallyFields on Tally {\n    agree\n    disagree\n    abstain\n    block\n    total\n    bySector {\n      sector\n      agree\n      disagree\n      abstain\n      block\n      total\n      mergedSectors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProcessPillarsFields on Process {\n    id\n    title\n    myMembership {\n      id\n      role\n    }\n    pillars {\n      id\n      position\n      title\n      titleEn\n    }\n  }\n"): (typeof documents)["\n  fragment ProcessPillarsFields on Process {\n    id\n    title\n    myMembership {\n      id\n      role\n    }\n    pillars {\n      id\n      position\n      title\n      titleEn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KpiFields on Kpi {\n    indicator\n    baseline\n    target\n    deadline\n  }\n"): (typeof documents)["\n  fragment KpiFields on Kpi {\n    indicator\n    baseline\n    target\n    deadline\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;