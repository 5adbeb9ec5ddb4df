"""Hand-written English cue lexicons: which words mark who says, shows or believes what.

Lemmas, grouped by how the content attaches. A cue verb only yields an attribution when a content is
found (a clause, a quotation, an object for the verbs that take one), which keeps frequent verbs such
as "show" or "call" from firing on every use.
"""

from __future__ import annotations

#: Verbs of saying, writing and reporting: content is a clause or a quotation.
SPEECH_VERBS: frozenset[str] = frozenset("""
say tell add write note argue report announce claim state declare explain suggest insist acknowledge
admit confirm deny reply respond answer ask warn predict promise vow pledge recall conclude mention tweet
post testify allege assert contend stress emphasize emphasise reiterate repeat remark comment
complain concede joke boast brag quip observe point reveal disclose indicate show find cite
estimate project forecast assure remind inform hint signal speculate wonder lament caution
proclaim retort rebut refute dispute question imply highlight echo charge accuse blame
predict recount describe call tout urge recommend propose demand threaten agree disagree apologize
learn sing chant shout yell scream whisper mutter acknowledge muse specify clarify confide
concur summarize summarise characterize characterise label dub brand term portray read demonstrate
determine
""".split())

#: Verbs of expectation, appearance and intention with a clear content: cues whatever their form.
COGNITION_VERBS: frozenset[str] = frozenset("""
fear suspect expect prefer intend refuse decline seem appear
""".split())

#: Verbs of stance, intention and evaluation: cues only with a personal subject (a named person or
#: organisation, or a personal pronoun) — "Clinton continued", "the group hopes", "he identified…".
STANCE_VERBS: frozenset[str] = frozenset("""
continue seek decide identify see consider hope issue thank encourage recite understand compare
promote remember boo dwell coin recognize recognise worry rule order interpret email convince ignore
press reference voice persuade invoke credit allude retweet unveil detail underscore spar side paint
outline rebuke frame contrast attribute rail expose lash liken applaud lecture chime hammer envision
distance welcome embrace reaffirm push champion knock acquiesce pivot double view regard
""".split())

#: Verbs of private belief: cues only in the impersonal passive ("is believed to", "is thought to");
#: an "I think" in running text is rarely a reported statement.
BELIEF_VERBS: frozenset[str] = frozenset("""
believe think know consider understand assume suspect expect estimate rumor rumour
""".split())

#: Belief verbs that are cues, too, with a personal subject and a clause ("he believes the deal…").
OPINION_VERBS: frozenset[str] = frozenset("""
believe think feel assume doubt know
""".split())

#: Verbs of wanting, planning and liking: cues with a personal subject and a complement ("he wants
#: to…", "would like to…", "liked the moniker").
INTENTION_VERBS: frozenset[str] = frozenset("""
want plan hope seek aim wish like love dislike hate
""".split())

#: Cue verbs whose content is a clause or a quotation, never an object ("appeared on MSNBC",
#: "found a way", "seemed eager").
CLAUSE_ONLY_VERBS: frozenset[str] = frozenset("""
seem appear find learn intend sound determine
""".split())

#: Verbs of appearance whose subject belongs to what is said, not to who says it ("Cruz seemed lost",
#: "the plan appears likely to pass": an unnamed source's judgement of the whole clause).
APPEARANCE_VERBS: frozenset[str] = frozenset("""
seem appear
""".split())

#: Verbs that, as a participle after a noun, name rather than report ("a PAC called Future45").
NAMING_VERBS: frozenset[str] = frozenset("""
call dub name term label brand title nickname
""".split())

#: Verbs of phase and habit whose infinitive is itself a statement ("went on to endorse",
#: "used to support", "continued to criticize").
ASPECT_VERBS: frozenset[str] = frozenset("""
go use continue begin start proceed move rush hasten
""".split())

#: Adjectives of a personal attitude to a content ("confident that…", "skeptical about…", "eager to…").
ATTITUDE_ADJECTIVES: frozenset[str] = frozenset("""
confident skeptical sceptical wary willing eager concerned worried critical supportive angry furious
surprised optimistic pessimistic convinced sure certain hopeful adamant unapologetic insistent
determined reluctant unwilling keen anxious afraid fearful doubtful dismissive outspoken vocal proud
ashamed upset frustrated disappointed pleased happy glad open opposed committed aware interested
outraged shocked upbeat fond shy partial unhappy uncomfortable content divided bent satisfied
dissatisfied enthusiastic excited nervous hesitant resistant receptive sympathetic hostile bullish
bearish
""".split())

#: Cue verbs whose infinitival complement is a content ("vowed to fight", "refused to comment").
XCOMP_VERBS: frozenset[str] = frozenset("""
promise vow pledge threaten want wish prefer intend decide refuse decline seem appear expect
hope agree urge ask tell warn remind propose claim offer say
""".split())

#: Cue verbs whose direct object is the content ("denied the report", "described itself as…").
OBJECT_VERBS: frozenset[str] = frozenset("""
deny reject dismiss confirm announce reveal disclose dispute question acknowledge admit predict describe
call criticize criticise praise denounce condemn decry blast slam mock accuse blame charge tout highlight
echo cite endorse defend applaud oppose support back rebut refute recount demand propose recommend
characterize characterise label dub brand term portray tweet post repeat report estimate forecast project
express discuss mention offer name challenge attack share present nominate list
 favor favour advocate congratulate cheer deem disavow articulate assail hail rebuff
quote protest bemoan insult lambast lambaste ridicule scold chide question slam deride disparage belittle
castigate berate excoriate denigrate vilify demonize demonise scorn laud commend extol taunt heckle
""".split())

#: Cue verbs whose object is the person addressed ("told CBN", "reminded voters"), not what was said.
ADDRESSEE_VERBS: frozenset[str] = frozenset("""
tell ask remind inform assure warn
""".split())

#: Cue verbs that are statements only with a personal subject ("the campaign focused on…", not
#: "the debate focused on…"; "she offered support", not "the deal offers relief").
PERSONAL_ONLY_VERBS: frozenset[str] = frozenset("""
focus offer
""".split())

#: Cue verbs that are statements only when finite ("supported", not "supporting", "to support").
FINITE_ONLY_VERBS: frozenset[str] = frozenset("""
find tweet add vote speak respond write offer
""".split())

#: Prepositions that introduce the content of a cue verb ("talked about X", "referred to X").
PREPOSITIONAL_CUES: dict[str, frozenset[str]] = {
 "talk": frozenset({"about"}),
 "speak": frozenset({"about", "of"}),
 "refer": frozenset({"to"}),
 "complain": frozenset({"about", "of"}),
 "warn": frozenset({"of", "about", "against"}),
 "comment": frozenset({"on"}),
 "focus": frozenset({"on"}),
 "point": frozenset({"to"}),
 "boast": frozenset({"about", "of"}),
 "joke": frozenset({"about"}),
 "agree": frozenset({"with", "on"}),
 "call": frozenset({"for", "on"}),
 "write": frozenset({"about", "of"}),
 "insist": frozenset({"on"}),
 "rail": frozenset({"against"}),
 "balk": frozenset({"at"}),
 "plead": frozenset({"for", "with"}),
 "lash": frozenset({"out"}),
 "weigh": frozenset({"in"}),
 "advocate": frozenset({"for"}),
 "vote": frozenset({"for", "against"}),
}

#: Phrasal verbs that are statements with a personal subject ("laid out a plan", "shrugged off the
#: criticism", "spoke out against").
PHRASAL_CUES: dict[str, frozenset[str]] = {
 "lay": frozenset({"out"}),
 "spell": frozenset({"out"}),
 "speak": frozenset({"out", "up"}),
 "single": frozenset({"out"}),
 "tick": frozenset({"off"}),
 "shrug": frozenset({"off"}),
 "brush": frozenset({"off", "aside"}),
 "play": frozenset({"down", "up"}),
 "bring": frozenset({"up"}),
 "zero": frozenset({"in"}),
 "hit": frozenset({"back"}),
 "fire": frozenset({"back"}),
 "push": frozenset({"back"}),
}

#: Light verbs that make a statement with a statement noun as their object ("made the case that…",
#: "took aim at…", "raised questions about…", "as she put it").
LIGHT_VERBS: frozenset[str] = frozenset("""
make take have give offer issue raise express deliver voice lay draw throw put cast
""".split())

#: Statement nouns that, as a light verb's object, make the pair one cue.
STATEMENT_NOUNS: frozenset[str] = frozenset("""
case argument comment shot criticism contrast issue aim call announcement reference answer message word
stance swipe credit doubt doubts critique assessment apology suggestion prediction joke nod question
questions concern concerns support commitment pledge promise vow threat warning appeal plea pitch
accusation allegation assertion claim remark remarks observation point jab dig defense defence
endorsement objection objections complaint complaints praise rebuke denial statement secret
""".split())

#: Nouns naming the medium of a statement; "said in a statement" makes one cue.
MEDIUM_NOUNS: frozenset[str] = frozenset("""
statement interview release tweet post letter speech email memo briefing message conference
remark remarks testimony column video broadcast appearance filing report
""".split())

#: Nouns naming a document or study that can itself be a source ("according to a report in X").
REPORT_NOUNS: frozenset[str] = frozenset("""
report study analysis survey poll research investigation review assessment estimate data documents
findings figures reporting article story account memo filing statement document paper audit
""".split())

#: Documents whose findings a clause can report with a bare "in" ("In a CNN poll, 50 percent…").
SURVEY_NOUNS: frozenset[str] = frozenset("""
poll survey study report analysis interview statement letter memo filing review audit assessment
""".split())

#: Nouns that, with a possessor or an "of" phrase, cue a content clause ("his claim that…").
NOUN_CUES: frozenset[str] = frozenset("""
claim statement assertion belief view argument allegation suggestion promise pledge warning comment
remark prediction assessment conclusion accusation denial insistence contention fear hope expectation
vow threat admission acknowledgment acknowledgement criticism opposition endorsement
call praise attack concern position stance demand request response reaction
defense defence rejection dismissal condemnation announcement explanation description characterization
""".split())

#: Cue lemmas whose statements deny or reject.
DENIAL_VERBS: frozenset[str] = frozenset("""
deny reject dismiss refute rebut disavow dispute contest disown repudiate deny debunk
""".split())

#: Words that, applied to claims, reject them ("called the allegations politically motivated").
DISMISSIVE_WORDS: frozenset[str] = frozenset("""
baseless false unfounded fabricated untrue absurd ridiculous nonsense lie lies fake groundless bogus
motivated slander slanderous propaganda smear fabrication fabrications disinformation misleading
""".split())

#: Nouns that name allegations ("the allegations", "these claims").
ALLEGATION_NOUNS: frozenset[str] = frozenset("""
allegation allegations claim claims accusation accusations report reports charge charges rumor rumors
rumour rumours assertion assertions
""".split())

#: Common nouns that denote a media outlet or a channel of reporting.
MEDIA_NOUNS: frozenset[str] = frozenset("""
reporter reporters journalist journalists newspaper paper outlet outlets media press broadcaster network
agency magazine website channel station radio television tv newsroom
""".split())

#: Words typical of news outlet names ("Financial Times", "Iran International").
OUTLET_NAME_WORDS: frozenset[str] = frozenset("""
times post news journal herald tribune telegraph guardian gazette daily weekly review international
press agency reuters bloomberg associated tass interfax ria cnn bbc nbc cbs abc fox msnbc politico
economist independent observer mirror sun mail express standard chronicle monitor wire insider
""".split())

#: Role nouns that stand for a person named elsewhere ("the spokesperson said").
ROLE_NOUNS: frozenset[str] = frozenset("""
spokesperson spokesman spokeswoman official officials minister president secretary director chief
ambassador envoy commander general leader chairman chairwoman chair head governor mayor senator
representative adviser advisor aide expert analyst researcher professor author company firm group
organization organisation ministry government agency report study
""".split())

#: Common nouns for people who hold views ("voters want…", "officials believe…", "aides hope…").
PEOPLE_NOUNS: frozenset[str] = frozenset("""
voter supporter aide official critic analyst expert leader member resident people spokesman spokeswoman
spokesperson adviser advisor strategist lawmaker senator candidate delegate activist observer economist
scientist researcher investigator prosecutor lawyer attorney democrat republican conservative liberal
progressive campaign administration team staff camp ally opponent rival backer donor worker student
parent woman man person american citizen politician pundit commentator reporter journalist editor
author writer historian scholar professor executive businessman legislator congressman congresswoman
governor mayor president minister diplomat ambassador judge justice party committee group organization
organisation union association coalition agency ministry government department office council board
company firm family friend neighbor neighbour respondent participant attendee protester protestor
demonstrator advocate proponent skeptic sceptic fan follower father mother son daughter husband wife
brother sister child veteran developer owner entrepreneur investor banker farmer teacher doctor nurse
officer soldier pastor priest rabbi imam bishop clergy chairman chairwoman chief founder director
manager consultant pollster operative insider moderator host anchor commissioner trustee nominee
frontrunner challenger incumbent contender hopeful dissident refugee immigrant
""".split())

#: Pronouns and quantifiers that stand for people holding a view ("many believe…", "others say…").
PEOPLE_PRONOUNS: frozenset[str] = frozenset("""
he she they who we i you many some others few most both all everyone everybody anyone anybody
someone somebody nobody none
""".split())

#: Personal pronouns that take a named antecedent.
PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "it", "who", "which", "we", "i"})

#: Labels that open a line with a colon but name no speaker ("Editor's note:", "Update:", "Breaking:").
NOT_SPEAKER_LABELS: frozenset[str] = frozenset("""
note update updated correction clarification breaking exclusive watch video photo photos source sources
disclosure related goal question answer busted listen read see transcript editor twitter byline
contributing contributors credit credits reminder context limits background summary report new
thread alert live
""".split())
