"""Word lists and patterns the detector uses, one table per concern, each line explainable.

Patterns run on one sentence's text (case-insensitive unless noted). A trigger names the
event type it suggests; the detector then checks the parse (negation, modality, infinitive
under an appeal) before it becomes an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class TriggerRule:
    name: str  # shown by `allegiance explain`
    kind: str  # defect | surrender | call | contact | follow | result | tally_noun | handover (a defection, weaker in a merge)
    pattern: re.Pattern[str]


def _rule(name: str, kind: str, pattern: str) -> TriggerRule:
    return TriggerRule(name, kind, re.compile(pattern, re.IGNORECASE))


_TO_ORG = r"(?:the\s+)?[\w'’.-]+"
# what people send a network that helps them leave, counted: "500 contacts", "900 messages from soldiers"
_ASKINGS = r"contacts|calls|messages|inquiries|enquiries"
TRIGGERS: tuple[TriggerRule, ...] = (
    # --- leaving the regime's service ---------------------------------------------------------
    _rule("defect-verb", "defect", r"\bdefect(?:ed|s|ing)?\b"),
    _rule("desert-verb", "defect", r"\bdesert(?:ed|s|ing)\b"),
    # "absconded from their battalion", "went AWOL near Hpa-an": the military's own words for deserting
    _rule("abscond", "defect", r"\babscond(?:ed|s|ing)?\b|\b(?:went|go|goes|gone|going)\s+AWOL\b|\babsent\s+without\s+leave\b"),
    # ("switched its allegiance to the KIA", "transferred their allegiance")
    _rule("switch-sides", "defect", r"\b(?:switch(?:ed|es|ing)?|chang(?:ed|es|ing)|swapp?(?:ed|ing)?|transferr?(?:ed|ing|s)?|shift(?:ed|s|ing)?)\s+"
                                    r"(?:sides|(?:(?:its|their|his|her)\s+)?allegiances?)\b"),
    _rule("join-cdm", "defect", r"\bjoin(?:ed|s|ing)?\s+(?:the\s+|in\s+the\s+)?(?:(?:anti-coup\s+|nationwide\s+)?civil\s+disobedience\s+movement|CDM|(?:anti-coup\s+)?movement|spring\s+revolution|revolution|revolutionary\s+forces|resistance(?:\s+forces)?|people'?s?’?s?\s+(?:side|revolution|defen[cs]e\s+force)|ranks\s+of)\b"),
    # "140,000 teachers had joined the strike": only of the regime's staff (PERSONNEL_ONLY_RULES)
    # (also "joined the strikers")
    _rule("join-strike", "cdm", r"\bjoin(?:ed|s|ing)?\s+(?:the\s+|a\s+)?(?:general\s+|nationwide\s+|teachers['’]?\s+|doctors['’]?\s+)?strik(?:es?|ers)\b"),
    # "joined the Chin National Army": kept only when the object is a resistance organisation
    _rule("join-org", "join", r"\bjoin(?:ed|s|ing)?\b"),
    _rule("come-over", "defect", r"\b(?:c(?:ame|ome|omes|oming)|went|go(?:es|ne|ing)?)\s+over\s+to\b"),
    # "came to us", "have come to the KNDF's CDM department": kept only with a receiver
    _rule("come-to", "join", r"\b(?:came|come|comes|coming)\s+to\b"),
    _rule("walk-over", "defect", r"\bwalked\s+(?:over|across)\s+to\b|\bwalked\s+out\s+of\s+(?:their|his|her|the|an?)\s+(?:(?:training|military|army|police)\s+)?"
                                r"(?:barracks|stations?|bases?|camps?|offices?|posts?|units?|(?:military\s+|defen[cs]e\s+services\s+)?academy)\b"),
    _rule("left-unit", "defect", r"\b(?:left|leaving)\s+(?:their|his|her)\s+(?:company\s+|platoon\s+|front-?line\s+|forward\s+)?(?:bases?|barracks|camps?|units?|stations?|battalions?|columns?|outposts?|service|positions?|"
                                # "430 civil servants have left their jobs since the strike began"
                                r"(?:government\s+)?jobs)\b"
                                # "me and my orderly left the base at night", "left the same base",
                                # "left the Hsihseng police station" (not "the camp": villagers leave camps too)
                                r"|\b(?:left|leaving)\s+(?:the|my|our)\s+(?:same\s+|old\s+|township\s+|district\s+)?(?:bases?|barracks|battalions?|outposts?|"
                                r"police\s+stations?|garrisons?|(?:security|guard|signals?|medical|artillery)\s+units?)\b"),
    # "was leaving the station with their guns": leaving a post armed is leaving the regime's service
    _rule("leave-armed", "defect", r"\b(?:left|leaving|leave|leaves|fled|abandoned)\s+(?:the|their|his|her)\s+(?:police\s+)?"
                                   r"(?:stations?|posts?|bases?|camps?|barracks|units?|outposts?|positions?)\s+with\s+(?:their|his|her)\s+"
                                   r"(?:guns|weapons|arms|rifles)\b"),
    # "left the camp at Myothit without permission": deserting (villagers leave camps, but not without leave)
    _rule("leave-awol", "defect", r"\b(?:left|leaving|leave|leaves)\s+(?:the|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
                                  r"(?:camps?|bases?|posts?|units?|barracks|stations?|positions?|battalions?)\b[^.;:“”\"]{0,40}?"
                                  r"\bwithout\s+(?:permission|leave|authori[sz]ation)\b"),
    _rule("refuse-duty", "cdm", r"\brefus(?:ed|e|es|ing)\s+to\s+(?:report\s+for\s+(?:duty|work)|work|serve)\b"
                                # "stopped coming to work in early November"
                                r"|\bstopp(?:ed|ing)\s+(?:coming|going|reporting)\s+(?:to|for)\s+(?:work|duty|the\s+office|classes"
                                # "stopped going to his office the week after the coup"
                                r"|(?:his|her|their)\s+(?:office|school|hospital|ward|station|job|workplace)s?)\b"),
    _rule("slip-away", "defect", r"\b(?:slipped|slip|slipping)\s+(?:away|out)\b|\b(?:fled|escaped|ran\s+away|bolted)\s+(?:from\s+)?(?:their|the|his|her|a|an)\s+(?:(?:training|military|army|police)\s+){0,2}(?:bases?|barracks|camps?|units?|posts?|battalions?|outposts?|front(?:\s*lines?)?)\b"
                                  # "fled the training school": a school of the military's, not any school
                                  r"|\b(?:fled|escaped|ran\s+away)\s+(?:from\s+)?(?:their|the|his|her|a|an)\s+(?:(?:military|army|police)\s+)?training\s+(?:schools?|cent(?:re|er)s?|depots?)\b"),
    # "walked out together", "the constables walked out on Tuesday": kept only when those who walked out are regime personnel
    _rule("walk-out", "defect", r"\bwalked\s+out\b(?!\s+of\b)"),
    # "fled to areas controlled by the Arakan Army": kept only with a receiver, and only when
    # those who fled are regime personnel (villagers flee fighting too)
    _rule("flee-to", "join", r"\b(?:fled|flee|flees|fleeing|escaped|escape|escapes|ran\s+away|run\s+away)\s+(?:safely\s+)?(?:to|into)\b"),
    # "arrived at a KNDF battalion post", "reached KNU-controlled territory", "travelled to an
    # AA-controlled area", "reported to the KIO": kept only with a receiver and regime personnel
    _rule("arrive-at", "join", r"\b(?:arrived|arrive|arrives|arriving|reached|reaching|(?<=\bto\s)reach|travell?ed|made\s+(?:their|his|her)\s+way|"
                               # ("reported to a KNLA camp", not "reported on Monday that ...")
                               r"reported(?=\s+(?:to|at|in|into)\b))(?!\s+out\b)(?:\s+safely)?(?:\s+(?:at|in|to|into))?(?=\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?"
                               r"(?:[\w'’-]+-(?:controlled|held|run)\b|(?:territory|areas?|zones?)\s+(?:controlled|held|run)\s+by\b"
                               r"|liberated\s+(?:areas?|zones?|territor(?:y|ies))\b"
                               r"|(?:battalion|brigade|column|camp|base|post|outpost|headquarters|office|administration)\b|"
                               r"(?-i:[A-Z])))"),
    # "seven soldiers ... came out with our help", "had come out through our network": a network's people out
    _rule("come-out-with-help", "defect", r"\b(?:came|come|comes|coming|got|get|gets|getting)\s+out\s+(?:safely\s+)?"
                                          r"(?:with\s+(?:our|the\s+network['’]s|the\s+group['’]s|its|their)\s+help"
                                          r"|through\s+(?:our|the|its|their)\s+(?:[\w'’-]+\s+)?(?:network|channel|programme|program))\b"),
    _rule("seek-asylum", "defect", r"\b(?:sought|seek(?:s|ing)?|applied\s+for|requested)\s+(?:political\s+)?asylum\b"),
    # civil servants leaving work is how the CDM is joined
    _rule("stop-work", "cdm", r"\bstay(?:ed|s|ing)?\s+(?:at\s+)?home\b(?=[^.;]{0,60}?\bin\s+support\s+of\s+(?:the\s+)?(?:movement|CDM|strike|civil\s+disobedience))"
                              r"|\b(?:stopped|stop|stops|stopping)\s+(?:work(?:ing)?|reporting\s+for\s+duty|going\s+to\s+work)\b|\bstayed\s+away\s+from\s+(?:their\s+)?(?:work|offices?|jobs?|posts?|desks?|wards?|classrooms?)\b|\bwalked\s+(?:off|out\s+of)\s+(?:the\s+|their\s+)?(?:job|work|offices?|hospitals?|schools?)\b|\bwent\s+on\s+strike\b"),
    # "handed themselves and seven homemade guns over to the PDF"
    _rule("turn-over", "defect", r"\b(?:turn(?:ed|s|ing)?|hand(?:ed|s|ing)?)\s+themselves\s+(?:and\s+(?:[\w-]+\s+){1,5}?)?(?:over|in)\b"),
    _rule("break-with", "defect", r"\b(?:(?:broke|break(?:s|ing)?|broken)\s+(?:away\s+)?(?:ranks\s+)?(?:with|from)|split(?:s|ting)?\s+(?:away\s+)?from)"
                                r"\s+the\s+(?:junta|regime|military|army|Tatmadaw|SAC)\b"),
    _rule("seek-refuge", "defect", r"\b(?:sought|seek(?:s|ing)?)\s+(?:refuge|shelter|sanctuary|protection)\s+(?:with|in|among|from)\b"),
    # "have taken refuge with the Karenni Army": kept only with a receiver and regime personnel
    _rule("take-refuge", "join", r"\b(?:took|taken|take|takes|taking|found)\s+(?:refuge|shelter|sanctuary)\s+(?:with|among)\b"),
    # "sided with the KNU": kept only with a receiver and regime personnel
    # "switched to the Chinland Defence Force", "were welcomed into the ranks of the Karenni Army":
    # kept only with a receiver and regime personnel
    _rule("switch-to", "join", r"\bswitch(?:ed|es|ing)?\s+(?:over\s+)?to\b|\b(?:welcomed|absorbed|inducted)\s+into\b(?!\s+(?:the\s+)?custody)"),
    _rule("side-with", "join", r"\bsid(?:ed|es|ing)\s+with\b(?!\s+the\s+(?:people|public|resistance|revolution)\b)"),
    _rule("rally-to", "defect", r"\brall(?:ied|y|ies|ying)\s+to\b"),
    # "412 crossed over in 2024 alone": bare, only of a number of personnel over a period (BARE_LEAVING_RULES)
    _rule("cross-over-bare", "defect", r"\b(?:cross(?:ed|es|ing)|c(?:ome|ame|omes|oming))\s+over\b(?!\s+(?:to|into|the|a|an|from|on|at)\b)"),
    # "47 police personnel and soldiers have been received by the CNF": went over to the agent (PERSONNEL_ONLY_RULES)
    # "were received at a KNLA post": at the other side's post or camp
    _rule("received-by", "defect", r"(?:(?<=\bbeen\s)|(?<=\bwere\s)|(?<=\bwas\s)|(?<=\bare\s)|(?<=\bis\s)|(?<=\bsafely\s))"
                                   r"(?:received|welcomed|taken\s+in|sheltered)(?=\s+by\b|\s+at\s+(?:an?|the|its)\s+(?:[\w'’-]+\s+){0,3}?"
                                   r"(?:post|outpost|camp|base|office|headquarters|checkpoint)s?\b)"),
    # "Thousands of people have crossed into Thailand": a country's border, crossed only by the
    # regime's personnel counts (NOT_OTHERS_RULES); "crossed to the KNU" is going over
    # (also "swam across the Moei River into Mae Sot": crossing the border river)
    _rule("cross-into", "defect", r"\bcross(?:ed|es|ing)?\s+(?:over\s+)?into\b|\bsw[ai]m(?:s|ming)?\s+across\s+(?:the\s+)?(?:[A-Z][\w-]+\s+)?river\s+into\b"),
    _rule("cross-over", "defect", r"\bcross(?:ed|es|ing)?\s+(?:over\s+)?to\b"
                                  # "400 of them made it out to our side", "made it across to the KNU"
                                  r"|\bma(?:de|ke|kes|king)\s+it\s+(?:out\s+|over\s+|across\s+|safely\s+)+(?:to|into)\b"),
    # "718 have completed their defection": the defection done, not only asked about
    _rule("complete-defection", "defect", r"\bcomplet(?:ed|es|ing|e)\s+(?:their|his|her|the)\s+defections?\b"),
    # "a police captain crossed the border with his family": kept only when those who crossed
    # are regime personnel (villagers cross borders as refugees)
    # "have crossed from Chin state into India's Mizoram state": the same, from one place into another
    _rule("cross-border", "defect", r"\bcross(?:ed|es|ing)?\s+(?:the\s+|a\s+)?(?:(?:international|[A-Z][\w'’-]+)\s+)?(?:border|frontier)\b"
                                    r"|\bcross(?:ed|es|ing)?\s+from\s+(?:[\w'’.-]+\s+){1,4}?into\b"),
    # "handed over their positions and weapons to the KIA", "handed over its camp ... to the KNLA":
    # giving a post or arms to the other side (after fighting, a surrender: GIVE_UP_RULES)
    _rule("hand-over-post", "handover", r"\bhand(?:ed|s|ing)?\s+(?:over\s+|in\s+)?(?:their|its|his|her|the)\s+(?:[\w-]+\s+){0,2}?"
                                      r"(?:positions?|posts?|outposts?|camps?|stations?|bases?|weapons|arms|guns|rifles)\b"
                                      r"(?=[^.;]{0,80}?\bto\b)"),
    _rule("side-with-people", "defect", r"\bsid(?:ed|es|ing)\s+with\s+the\s+(?:people|public|resistance|revolution)\b"),
    _rule("leave-force", "defect", r"\b(?:left|leave|leaving|leaves|quit|quitting|quits|abandon(?:ed|s|ing)?)\s+(?:the\s+)?(?:(?:junta|regime|military)['’]s\s+)?(?:police\s+)?"
                                   r"(?:force|forces|army|military|police|service|Tatmadaw|ranks)\b"
                                   # (not a state it was left in: "the losses have left the military more reliant on air power")
                                   r"(?!\s+(?:more|less|increasingly|heavily|badly|dangerously|stretched|short|reliant|dependent|exposed"
                                   r"|vulnerable|weakened|unable|without|with\s+(?:few|fewer|no|little|less)|in\s+(?:disarray|chaos|a\s+\w+\s+position))\b)"),
    # officials and civil servants resigning leave the regime's service
    _rule("resign", "resign", r"\bresign(?:ed|s|ing)?\b|\bst(?:ep|eps|epped|epping)\s+down\b"),
    # "handed over their official seals", "brought their seals to a KNU office and handed them over": an
    # administrator gives up the office's seal
    _rule("hand-in-seal", "resign", r"\b(?:hand(?:ed|s|ing)?|turn(?:ed|s|ing)?|gave|give|giving|brought|bring|bringing|surrender(?:ed|s|ing)?)"
                                    r"\s+(?:over\s+|in\s+)?(?:their|his|her)\s+(?:official\s+)?(?:office\s+)?seals?\b"),
    # "announced his resignation at the village monastery on May 9"
    _rule("resignation", "resign", r"\b(?:announced|announces|tendered|submitted|handed\s+in|handing\s+in)\s+(?:his|her|their)\s+resignations?\b"),
    # "the three are now with the CDM", 'fled ... and were now "with the CDM"'
    _rule("now-with-cdm", "cdm", r"\b(?:are|were|is|was)\s+now\s+[\"“]?with\s+the\s+(?:CDM|Civil\s+Disobedience\s+Movement)\b"),
    # a militia's declaration: "announced that it would no longer take orders from the Burma Army"
    _rule("no-longer-obey", "defect", r"(?<=\bno longer )(?:take|takes|taking|accept|accepts|obey|obeys|follow|follows)\s+"
                                      r"(?:orders|commands|instructions)\s+from\s+the\s+(?:junta|regime|military|army|Burma\s+Army|Tatmadaw|SAC)\b"),
    # "3,000 soldiers have left since the coup": only with no object, personnel and a period (BARE_LEAVING_RULES)
    _rule("left-bare", "defect", r"\b(?:left|quit)\b"),
    # "a corporal ... left with two privates from his section": leaving with comrades from the unit (personnel only)
    _rule("left-with", "defect", r"\b(?:left|fled|escaped|slipped\s+(?:away|out))\s+with\s+(?:two|three|four|five|six|seven|eight|nine|ten"
                                 r"|eleven|twelve|\d{1,3}|several|a\s+few|some)\s+(?:other\s+|fellow\s+|more\s+)?(?:[\w-]+\s+)?"
                                 r"(?:privates|soldiers|comrades|men|officers|constables|sergeants|corporals|airmen|sailors|ratings"
                                 r"|policemen|troops|recruits|conscripts)\s+(?:from|of)\s+(?:his|her|their|the)\b"),
    _rule("abandon-post", "defect", r"\b(?:abandon(?:ed|s|ing)?|fled|left|quit)\s+(?:their|his|her)\s+(?:posts?|units?|battalions?|bases?|positions?|jobs?\s+in\s+protest)\b"),
    # --- giving up in or after fighting ------------------------------------------------------
    _rule("surrender-verb", "surrender", r"\bsurrender(?:ed|s|ing)?\b"),
    _rule("lay-down-arms", "surrender", r"\b(?:laid|lay|lays|laying)\s+down\s+(?:their\s+|his\s+)?(?:arms|weapons)\b"),
    _rule("give-up", "surrender", r"\b(?:gave|give|given|giving|gives)\s+(?:themselves\s+|himself\s+)?up\b"),
    _rule("capitulate", "surrender", r"\bcapitulat(?:ed|es|ing)\b"),
    # --- appeals -------------------------------------------------------------------------------
    _rule("urge", "call", r"\burg(?:e|ed|es|ing)\b"),
    _rule("call-on", "call", r"\bcall(?:ed|s|ing)?\s+(?:on|upon|for)\b"),
    # "calling the police members in Launglon to stand with the people": kept only when the
    # parse has an object and a to-infinitive after the verb (not "a group called X")
    _rule("call-to", "call", r"\bcall(?:ed|s|ing)?\b(?!\s+(?:on|upon|for)\b)"),
    # incentives: "would pay rewards to naval personnel who defect with a vessel", "is giving
    # 500,000 kyat for each weapon the soldiers bring"; the goal is checked by INCENTIVE_GOAL
    _rule("reward-offer", "call", r"\b(?:pay|pays|paid|paying|offer(?:s|ed|ing)?|give|gives|giving|gave|announc(?:e|ed|es|ing)|"
                                  r"promis(?:e|ed|es|ing)|grant(?:s|ed|ing)?)\b(?=\s+(?:[\w,.'’-]+\s+){0,4}?"
                                  r"(?:rewards?|bount(?:y|ies)|cash|money|payments?|kyats?|lakhs?|safe\s+passage|amnesty)\b)"),
    # a deadline: "gave the garrison in Bhamo until Friday to surrender", "issued an ultimatum to ... to leave"
    _rule("deadline", "call", r"\b(?:gave|give|gives|giving|set)\b(?=\s+(?:[\w'’-]+\s+){1,8}?(?:until|till|a\s+deadline\s+of|\w+\s+(?:days|hours))\b)"
                              r"|\b(?:issued|issues|gave|gives|give|delivered|sent)\s+(?:[\w'’-]+\s+){0,6}?(?:an?\s+)?(?:\w+\s+)?ultimatum\b"),
    # a reward promised to those who leave, told before it: "Anyone who leaves the army with a weapon
    # will receive 5 million kyats"; the goal ("who leaves") stands before (GOAL_BEFORE_RULES)
    _rule("reward-promised", "call", r"(?:(?<=\bwill\s)|(?<=\bwould\s)|(?<=\bshall\s))(?:receive|get|be\s+(?:given|paid|rewarded|offered))\b"
                                     r"(?=[^.;]{0,50}?\b(?:kyats?|lakhs?|rewards?|cash|money|payments?|dollars|baht|bounty))"),
    # an assurance of safety to those who come out: "told the soldiers inside the camp that they would not
    # be harmed if they came out", "its doors remained open to any soldier who wished to leave"; the goal
    # is checked by INCENTIVE_GOAL
    _rule("assure-safety", "call", r"\b(?:told|tells|telling|assured|assures|assuring|promised|promises|guaranteed|guarantees)\b"
                                   r"(?=[^.;]{0,150}?\b(?:would|will|could|can|shall)\s+(?:not\s+be\s+(?:harmed|hurt|punished|killed|prosecuted|detained)"
                                   r"|be\s+(?:safe|spared|unharmed|treated\s+(?:well|humanely|fairly)|welcomed|protected|given\s+safe\s+passage)"
                                   r"|(?:leave|go(?:\s+home)?|walk\s+out|come\s+out)\s+safely)\b)"
                                   r"|\bdoors?\s+(?:remain(?:ed|s)?|(?:are|were|is|was|would|will)\s+(?:still\s+|always\s+|remain\s+)?)\s*open\s+to\b"),
    _rule("appeal", "call", r"\bappeal(?:ed|s|ing)?\b|\bple(?:ad|ads|aded|ading|d)\s+with\b|\bimplor(?:e|ed|es|ing)\b|\bexhort(?:ed|s|ing)?\b"),
    _rule("warn", "call", r"\bwarn(?:ed|s|ing)?\b"),
    # "invited soldiers to ...", "repeated its invitation to soldiers and police to join the people's side"
    _rule("invite", "call", r"\binvit(?:e|ed|es|ing|ation)\b"),
    _rule("encourage", "call", r"\bencourag(?:e|ed|es|ing)\b"),
    _rule("ask", "call", r"\bask(?:ed|s|ing)?\b"),
    _rule("offer", "call", r"\boffer(?:ed|s|ing)?\b"),
    _rule("promise", "call", r"\bpromis(?:e|ed|es|ing)\b"),
    _rule("demand", "call", r"\bdemand(?:ed|s|ing)?\b"),
    _rule("tell-to", "call", r"\b(?:told|telling)\b"),
    # "We want all soldiers still serving the junta to leave now": someone wanted to leave (see mentions._want_shape)
    _rule("want", "call", r"\bwant(?:ed|s)?\b"),
    # a direct appeal in the imperative: "Come to the people before 31 December", "Leave now",
    # "Soldiers of the garrison, lay down your weapons"; the parse must show an imperative and
    # IMPERATIVE_GOAL the goal
    _rule("imperative", "call", r"(?:^|(?<=,\s)|(?<=[“\"‘'])|(?<=[“\"‘']\s)|(?<=please\s)|(?<=[^\w\s,.]\s))"
                                r"(?:(?:come|leave|join|defect|desert|quit|resign|lay|put|switch|cross|abandon|stand|choose|bring|walk|"
                                r"contact|turn|break|side|hand|message|text|phone|take)\b|(?:don['’]t|do\s+not)\s+wait\b)"),
    # --- contacts and results of appeals (tallies) ---------------------------------------------
    # (not one person contacted: "two of them had since contacted him for advice")
    _rule("contact", "contact", r"\b(?:(?<!\bwhen\s)(?<!\bif\s)contacted(?!\s+(?:him|her|me)\b)(?!\s+(?:by|via|over)\s+(?:phone|telephone|e-?mail|text|message|video\s+call)\b)(?![^.;]{0,80}\bfor\s+(?:comment|a\s+response|reaction)\b)|contacting|reached\s+out(?:\s+to)?|got\s+in\s+touch\s+with|approached|made\s+contact\b|"
                                # "more than 2,000 people had gone through the network"
                                r"(?:gone|went|passed|come|came)\s+through\s+(?:the|our|its|their)\s+(?:[\w'’-]+\s+)?(?:network|channel|programme|program)\b|"
                                # "61 soldiers and police reached safety through our network"
                                r"reached\s+safety\s+(?:through|with\s+the\s+help\s+of|via)\s+(?:the|our|its|their)\s+(?:[\w'’-]+\s+)?(?:network|channel|programme|program|team)\b|"
                                r"reached\s+(?:it|us|them|the\s+(?:network|group|committee))\b"
                                # "sought help from the network", "asked the group for help to leave"
                                r"|(?:sought|seek(?:s|ing)?|requested)\s+(?:help|assistance|support)\s+from\b)"),
    # "the brigade has taken in more than 100 soldiers": the subject received them
    # (not its own people back: "received 5 of our comrades" in an exchange)
    _rule("took-in", "received", r"\b(?:taken|took|take|takes|taking)\s+in\b|\b(?:received|welcomed|sheltered|accepted|hosted)\b"
                                 r"(?![^.;]{0,25}?\bof\s+(?:our|its|their)\s+(?:own\s+)?(?:comrades|members|fighters|men|people)\b)"
                                 # (nor requests or calls received: the figure is of those, CONTACT_NOUN)
                                 r"(?![^.;]{0,25}?\b(?:requests|applications|" + _ASKINGS + r")\b)"
                                 r"(?=\s+(?:more\s+than\s+|about\s+|some\s+|over\s+|at\s+least\s+|nearly\s+)?"
                                 # a figure in digits or words: "received 23", "received seven members"
                                 r"(?:[\d,]+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen"
                                 r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|dozens|hundreds)\b)"),
    _rule("helped-escape", "contact", r"\bhelped\b(?=[^.;]{0,80}\b(?:reach|escape|flee|defect|leave|cross|get\s+to|resettle|relocate|come\s+out)\b)"
                                      r"|\bhelped\b(?=\s+(?:more\s+than\s+|about\s+|some\s+|over\s+|nearly\s+)?[\d,]+\s+(?:soldiers|people|police|troops|defectors|personnel|members))"),
    _rule("answer-call", "result", r"\b(?:answered|heeded|responded\s+to)\s+(?:the|its|their|our|this|that)\s+(?:call|appeal|invitation)\b"),
    # --- "followed suit": same type as the event before --------------------------------------
    _rule("follow-suit", "follow", r"\bfollow(?:ed|s|ing)?\s+suit\b|\b(?:did|done)\s+(?:the\s+)?same\b|\bdid\s+likewise\b|\bfollowed\s+(?:their|his|her)\s+(?:lead|example)\b"
                                   # "two of his shipmates followed him the same way", "... followed her out"
                                   r"|\bfollowed\s+(?:him|her|them)\s+(?:out\b|across\b|over\b|the\s+same\s+way\b)"
                                   # "He followed me three weeks later", "Two of my lieutenants followed in February"
                                   r"|\bfollowed(?:\s+(?:me|him|her|them|us))?(?=\s+(?:(?:\d{1,2}|a|one|two|three|four|five|six|several|a\s+few)\s+"
                                   r"(?:days?|weeks?|months?)\s+later|in\s+(?-i:January|February|March|April|May|June|July|August"
                                   r"|September|October|November|December)\b|(?:soon|shortly)\s+(?:after|afterwards)\b|the\s+(?:next|following)\s+"
                                   r"(?:day|week|month)\b))"),
    # --- nouns that carry a figure: "3,000 defections", "helped 2,000 defectors" -------------
    _rule("defection-noun", "tally_noun", r"\b(?:defections|defectors|deserters|desertions|surrenders)\b"),
    # a network's own count of those who asked its help: "more than 500 contacts since 10 Feb from soldiers,
    # police and their families", "1,300 requests for help in May alone" (the figure must stand before the noun)
    _rule("contact-noun", "tally_noun", r"(?:(?<=\d\s)|(?<=\d\snew\s))(?:requests\s+for\s+(?:help|assistance)|" + _ASKINGS + r")\b"
                                        r"(?=[^.;]{0,60}?\bfrom\s+(?:serving\s+|regime\s+|junta\s+)?(?:soldiers|police|troops|personnel|members\s+of))"),
)

# Appeals only count when they aim at leaving the regime: the goal must follow the trigger.
CALL_GOAL = re.compile(
    r"\b(?:to|and|should|must)\W{0,3}(?:\w+ly\s+)?(?:defect|resign|quit|desert|leave\s+(?:the|their|his|now|today|immediately|while)\b|"
    r"join\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?(?:CDM|civil\s+disobedience|movement|revolution|resistance|people)|"
    # "to stop killing your own people and join us", "to 'stand with your colleagues' and join the strike"
    r"join\s+(?:us|the\s+strike|the\s+strikers|the\s+(?:\w+\s+)?boycott)\b|walk\s+away\b|"
    # "to bring their vessels over to the people's side"
    r"bring\s+(?:their|your|the)\s+(?:vessels?|ships?|boats?|aircraft|planes?|jets?|helicopters?|weapons|arms|guns|tanks?)\s+(?:over|across)\b|"
    r"side\s+with|switch\s+sides|lay\s+down|surrender|abandon|stop\s+(?:working|serving)|"
    # "to give up, promising fair treatment", "to walk out", "to go on strike"
    r"give\s+(?:themselves\s+)?up\s*(?:[,.;]|and\b|$)|walk\s+(?:out|off\s+the\s+job)|go\s+on\s+strike|"
    # "to give up their weapons and cross to its side", "to return home and join the Arakan revolution"
    r"give\s+up\s+(?:their|your)\s+(?:weapons|arms|guns)|cross\s+(?:over\s+)?to\s+(?:its|our|their|the\s+people'?s?’?s?)\s+side|"
    r"break\s+(?:away|with)|turn\s+(?:their|your)\s+guns|come\s+over|cross\s+over|follow\s+(?:the|their|its|his|her|your|them|suit)\b|"
    r"choose\s+the\s+(?:side\s+of\s+the\s+people|people'?s?’?s?\s+side)|stand\s+(?:with|by|on\s+the\s+side\s+of)\s+the\s+(?:people|public)|"
    # "appealed to conscripts to escape at the first chance", "to run away from their units"
    r"escape\b(?!\s+(?:the\s+)?(?:fighting|shelling|clashes|violence|airstrikes?|bombing))|run\s+away\b|"
    r"contact\s+(?:us|the\s+(?:group|network|committee))|(?:message|text|phone)\s+(?:us|our|this\s+page)\b|get\s+in\s+touch|reach\s+out\s+to\s+us|"
    r"hand\s+(?:in|over)\s+(?:their|your)\s+(?:weapons|arms|guns)|put\s+down\s+(?:your|their)\s+(?:weapons|arms|guns)|"
    r"come\s+home|come\s+to\s+(?:us|the\s+people)|come\s+back\s+to\s+(?:us|the\s+people|your\s+people|their\s+people)\b|"
    # strikes of civil servants: "urged colleagues still reporting for duty to stay home"
    r"stay\s+(?:at\s+)?home\b|stay\s+(?:away|out)\s+(?:of|from)\b|"
    # "to return to the people", "to return to the Arakan people"
    r"return\s+to\s+(?:the\s+|their\s+)?(?:[A-Z][\w-]*\s+)?(?:people|revolution|side\s+of\s+the\s+people)\b|contact\s+(?:it|them|(?:the\s+)?(?-i:[A-Z])[\w-]*['’]s\s+(?:defection|hotline)))"
    r"|\bdefection\b|\bto\s+the\s+people'?s?’?s?\s+side\b|\bCDM\b"
    # an appeal that promises those who leave: "promising that anyone who crossed over ... would be"
    r"|\b(?:anyone|anybody|those|soldiers|personnel|all)\s+who\s+(?:\w+\s+)?(?:defect(?:s|ed)?|desert(?:s|ed)?|cross(?:es|ed)?\s+over"
    r"|come\s+over|comes\s+over|came\s+over|switch(?:es|ed)?\s+sides)\b"
    # (a reward, not a threat: "soldiers who desert will be tried" is no appeal)
    r"(?=[^.;]{0,80}?\b(?:would|will)\s+(?:be\s+(?:given|paid|rewarded|offered|protected|welcomed|safe|treated\s+well)|receive|get)\b)",
    re.IGNORECASE,
)

# Weak appeal verbs (ask, tell, offer, promise, demand) only make a call with an infinitive
# goal right after them: "told soldiers to defect", not "told Mizzima that 14,000 had defected".
WEAK_CALL_RULES = frozenset({"ask", "tell-to", "offer", "promise", "demand", "invite", "encourage", "call-to", "want"})
INFINITIVE_GOAL = re.compile(
    r"^[^.;]{0,80}?\bto\s+[\"“']?(?:\w+ly\s+)?(?:defect|resign|quit|desert|leave|join|side|switch|lay|put|surrender|abandon|stop|"
    r"break|turn|come|cross|follow|contact|hand|choose|stand\s+with|return\s+to\s+the\s+people|give\s+up|return\s+home|escape|run\s+away|walk\s+away)",
    re.IGNORECASE,
)
# When the addressees carry a relative clause ("invites all members of the armed forces who do
# not wish to take part in its crimes to leave their units") the goal comes after it.
INFINITIVE_GOAL_AFTER_CLAUSE = re.compile(INFINITIVE_GOAL.pattern.replace("{0,80}", "{0,240}"), re.IGNORECASE)

# An incentive is a call when it rewards leaving: "to personnel who defect with a vessel",
# "for each weapon they bring", "for any sailors who bring their vessels".
INCENTIVE_GOAL = re.compile(
    r"\b(?:who|that|which)\s+(?:\w+\s+){0,3}?(?:defect|desert|bring|brings|come|comes|surrender|switch|cross|leave|leaves|join|joins|hand|quit"
    r"|lay|lays|put|puts|abandon|abandons|resign|resigns"
    r"|escape|escapes|flee|flees)(?!e?d\b)"  # not those who already did: "soldiers who surrendered on Monday"
    r"|\bfor\s+(?:each|every|any|a)\s+(?:weapon|gun|rifle|pistol|vessel|ship|boat|aircraft|tank|defector|soldier|police\w*)\b"
    r"|\bif\s+they\s+(?:defect|desert|come|came|bring|surrender|join|leave|left|switch|hand|lay|laid|gave|give|walk|put)",
    re.IGNORECASE,
)
INCENTIVE_RULES = frozenset({"reward-offer", "reward-promised", "assure-safety"})
# incentives whose goal stands before the promise: "Anyone who leaves the army ... will receive 5 million kyats"
GOAL_BEFORE_RULES = frozenset({"reward-promised"})
# a promise or an assurance that only backs an appeal the sentence makes by other words
SUBORDINATE_CALL_RULES = GOAL_BEFORE_RULES | {"assure-safety"}
# a declaration made in the future tense is the break itself: "it would no longer take orders from the army"
DECLARED_RULES = frozenset({"no-longer-obey"})

# What an imperative must say to be an appeal to leave, read from the verb on.
IMPERATIVE_GOAL = re.compile(
    r"^(?:c(?:o|a)me\s+(?:over\s+)?(?:to\s+(?:us|the\s+people|our\s+side|the\s+(?:people'?s?’?s?|revolution(?:ary)?)\s+side)|over|out|home)|"
    r"leave\s+(?:now|today|while|before|the\s+(?:army|military|police|force|militia|regime|junta|side\s+of)|your\s+(?:posts?|units?|bases?|camps?|stations?|battalions?)"
    # "Leave with your family", "take your weapon and leave"
    r"|with\s+your\s+(?:famil|wife|weapons?|guns?|rifles?|arms))|take\s+your\s+(?:weapons?|guns?|rifles?|arms)\s+(?:and|with\s+you\s+and)\s+(?:leave|come)\b|"
    # "message us on Signal", "message this page", "text us"
    r"(?:message|text|phone)\s+(?:us|our|this\s+page)\b|"
    r"join\s+(?:us|the\s+(?:CDM|people|revolution|resistance|civil\s+disobedience|spring\s+revolution))|"
    r"defect|desert|quit|resign|lay\s+down|put\s+down|switch\s+sides|cross\s+over|abandon|"
    r"stand\s+with\s+the\s+people|choose\s+the\s+(?:people|side\s+of\s+the\s+people)|contact\s+us|"
    r"turn\s+your\s+guns|break\s+(?:away|with)|side\s+with\s+the\s+people|hand\s+(?:in|over)\s+your\s+(?:weapons|arms|guns)|"
    r"(?:don['’]t|do\s+not)\s+wait\s+(?:until|till|for|to)\b|"
    # "bring your weapon and come to us", "walk away from the regime"
    r"bring\s+(?:your|their)\s+(?:weapons?|guns?|rifles?|arms)\s+(?:and|with\s+you\s+and)\s+come\b|walk\s+away\s+from\b)",
    re.IGNORECASE,
)

# Who is addressed or counted: category words -> (force, category).
WHO_WORDS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), force, cat)
    for p, force, cat in (
        # (also the Border Guard Police by its initials: "the remaining BGP personnel")
        (r"\b(?:police(?:\s*(?:men|women|man|woman|officers?|personnel|force|officials?|captain|major|sergeant|corporal|lieutenant))?|policem[ae]n|constables?|cops?"
         r"|(?-i:BGP)\s+(?:personnel|members|men|officers?))\b", "police", "police"),
        (r"\b(?:members\s+of\s+the\s+(?:military|armed\s+forces|army|tatmadaw|junta'?s?\s+forces)|armed\s+forces|crews?|"
         r"serving\s+in\s+the\s+(?:army|military|armed\s+forces|navy|air\s+force)|(?:from|of|left|deserted)\s+the\s+(?:army|military)|"
         # "urged his former colleagues at air bases to leave the air force"
         r"(?:leave|left|quit|in|from|of)\s+the\s+(?:air\s+force|navy)\b|"
         # "If you serve in the military or police"
         r"serv(?:e|es|ed)\s+in\s+the\s+(?:army|military|armed\s+forces|navy|air\s+force)|"
         # "he deserted from a training camp": only soldiers desert from camps, battalions and barracks
         r"(?:deserted|deserting|deserts)\s+(?:from\s+)?(?:a|an|the|his|her|their)\s+(?:(?:military\s+)?training\s+(?:camp|centre|center|school)|battalion|regiment|barracks)|soldiers?|troops?|servicem[ae]n|military\s+personnel|army\s+personnel|tatmadaw\s+personnel|privates?|sergeants?|corporals?|captains?|majors?|lieutenants?|colonels?|officers?\s+of\s+the\s+army|army\s+officers?|military\s+officers?|conscripts?|recruits?|airm[ae]n|sailors?|seam[ae]n|petty\s+officers?|warrant\s+officers?|(?:naval\s+)?ratings|navy\s+personnel|air\s+force\s+personnel|rank-and-file|men\s+in\s+uniform|infantrym[ae]n|riflem[ae]n|battalion|regiment|garrisons?|other\s+ranks)\b", "tatmadaw", "soldier"),
        (r"\b(?:civil\s+servants?|government\s+(?:employees|staff|workers)|public\s+servants|state\s+employees|staff|employees|teachers?|doctors?|nurses?|health\s+workers?|medics|railway\s+workers?|bank\s+staff|engineers|clerks?|lecturers?|professors?)\b", "civil_service", "civil_servant"),
        (r"\b(?:officials?|administrators?|ward\s+chiefs?|village\s+heads?|ministers?|diplomats?|ambassadors?|judges?|MPs|"
         r"(?:deputy\s+|assistant\s+)?directors?(?:[- ]general)?|department\s+heads?"
         # "five members of the Natogyi township election sub-commission"
         r"|members\s+of\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,4}?(?:sub-?)?commissions?)\b", "civil_service", "official"),
        (r"\b(?:militia(?:s|men)?|Pyu\s+Saw\s+Htee|BGF|border\s+guard\s+force|people'?s\s+militia)\b", "militia", "militia"),
        (r"\b(?:security\s+forces|security\s+personnel|soldiers\s+and\s+police|police\s+and\s+soldiers|(?:junta|regime)\s+personnel"
         # "214 personnel from all services", "everyone still in uniform"
         r"|personnel\s+(?:from|of)\s+all\s+(?:services|branches)|(?:everyone|anyone|all|those)\s+(?:still\s+)?in\s+uniform)\b", "mixed", "mixed"),
    )
)
# An appeal that speaks to 'you' of 'your units' or 'your arms' and names no service ("We call on
# you again to lay down your arms", "Leave your units before the New Year") addresses the regime's
# armed personnel at large: mixed. Only where no people word of the table above is in the text.
_ADDRESSED = (r"\b(?:lay\s+down|put\s+down|hand\s+over|leave|abandon|quit|bring)\s+your\s+"
              r"(?:units?|battalions?|posts?|bases?|camps?|barracks|arms|weapons|guns|rifles)\b")
WHO_WORDS = WHO_WORDS + ((
    re.compile(r"^(?![\s\S]*(?:" + "|".join(p.pattern for p, _, _ in WHO_WORDS) + r"))[\s\S]*?" + _ADDRESSED, re.IGNORECASE),
    "mixed", "mixed"),)


def names_people(text: str) -> bool:
    """Whether `text` names the regime's people in any of WHO_WORDS' categories."""
    return any(p.search(text) for p, _, _ in WHO_WORDS)


def forces_named(text: str) -> set[str]:
    """The forces (WHO_WORDS' first column) whose people `text` names."""
    return {force for p, force, _ in WHO_WORDS if p.search(text)}

# Regime units as written: "Light Infantry Battalions 402 and 403", "Military Operations
# Command 16", "Yangon region police force's Special Branch", "LIB 402".
UNIT_RE = re.compile(
    r"(?:(?:[A-Z][\w-]*\s+){0,3}(?:Light\s+Infantry|Infantry|Artillery|Armou?red|Engineering|Signal|Military\s+Police)\s+"
    r"(?:Battalions?|Divisions?|Regiments?|Companies|Company)\s+(?:\(\w+\)\s+)?(?:No\.\s*)?\d+(?:\s*(?:,|and|&)\s*\d+)*"
    r"|(?:Military\s+Operations|Regional\s+Operations|Regional\s+Military|Tactical\s+Operations|Light\s+Infantry\s+Division)\s+Command(?:s)?(?:\s+(?:No\.\s*)?\d+)?"
    r"|(?:Border\s+Guard\s+Force\s+)?(?:BGF\s+)?Battalion\s+\d+(?:\s*(?:,|and)\s*\d+)*"
    r"|\b(?:LIBs?|IBs?|LIDs?|MOCs?|ROCs?|TOCs?|ABs?)\s*-?\s*\d+(?:\s*(?:,|and)\s*\d+)*"
    r"|(?:[A-Z][\w’']*\s+){1,3}(?:region|state|township)\s+police(?:\s+force)?(?:’s|'s)?\s+(?:Special\s+Branch|station|battalion|headquarters)"
    r"|(?:[A-Z][\w’']*\s+){1,2}police\s+station)"
)

# "Handed themselves over" after an attack or a siege, or coming out of hiding once the
# fighting reached them, is giving up, not a planned defection (checked in the sentence).
GIVE_UP_RULES = frozenset({"turn-over", "hand-over-post"})
GIVE_UP_CUE = re.compile(
    r"\b(?:attack(?:ed|ing|s)?|overr[au]n|sieges?|besieg\w*|stormed|clash(?:ed|es)|fighting|battles?|assault(?:ed)?|"
    r"shell(?:ed|ing)|encircled|surrounded|cut\s+off|trapped|hiding)\b",
    re.IGNORECASE,
)

# Leaving a base to do the regime's work is an operation, not leaving its service: "40 troops left
# their base with their weapons to raid the village", "left the camp and attacked ...".
LEAVING_RULES = frozenset({"left-unit", "leave-armed", "leave-force", "abandon-post"})
OPERATION_VERBS = frozenset({"attack", "raid", "patrol", "burn", "torch", "fight", "reinforce", "pursue", "clear", "search",
                             "hunt", "shell", "storm", "arrest", "loot", "guard", "escort", "deploy", "launch"})

# Triggers that tell a defection only when the people are the regime's: "fled to", not villagers.
# a counted part of a group told before: "14 of the 22", "a bit over 400 of them" (not "most of them")
PARTITIVE = re.compile(r"(?i)\s*(?:(?:about|around|some|nearly|almost|over|more\s+than|a\s+bit\s+over|just\s+over|at\s+least)\s+)?"
                       r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\s+of\s+(?:the\s+[\d,]+|them|those|these|the\s+\w+\s+[\d,]+)\s*$")
# people the text counted just before, referred back to: "Of these, ...", "of the 1,284 cases"
THOSE_TOLD = r"(?:these|those|them|this\s+number|the\s+[\d,]+(?:\s+\w+)?)"
# A figure broken down by service or place, told as the figure's counted parts: "..., of whom about
# 2,300 are soldiers", "Of those, a little over 300 came from the navy", "Of these, 871 were soldiers
# and 413 were police officers", "Sagaing Region accounted for 302 of the 1,284 cases".
# a part's figure: "871", "about 2,000", "a little over 300", "eleven"
_PART_FIGURE = r"(?P<fig>(?:[A-Za-z]+\s+){0,4}?(?:\d{1,3}(?:,\d{3})+|\d+|[A-Za-z]+(?:-[a-z]+)?))"
BREAKDOWN_OPENER = re.compile(r"(?i)(?:^\W*|,\s*)(?:of|among)\s+(?:whom|that\s+number|the\s+total|" + THOSE_TOLD + r")\s*,?\s*")
# (the opener's own figure, "of roughly 3,000 defectors it had registered by the end of 2022, about 2,000 were police")
BREAKDOWN_OF_FIGURE = re.compile(r"(?i)\bof\s+(?:(?:about|around|roughly|some|nearly|almost|over|more\s+than)\s+)?[\d,]*\d\s+[^,;]{3,80},\s*")
BREAKDOWN_PART = re.compile(r"(?i)(?:,?\s*(?:and|while|with)\s+|,\s*)?" + _PART_FIGURE + r"\s+(?:were|are|was|is|came\s+from|come\s+from|were\s+from|are\s+from|served\s+in|belonged\s+to)\s+(?P<who>[^,;.]{2,60}?)(?=\s*(?:[,;.]|$|\s+and\s+(?:\w+\s+){0,3}?\d|\s+and\s+(?:the\s+)?rest\b|\s+while\b))")
BREAKDOWN_PLACE = re.compile(r"(?i)(?:^\W*|[,;]\s*|\band\s+)(?P<place>(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*){0,3})\s+accounted\s+for\s+" + _PART_FIGURE + r"\s+of\s+(?:the|these|those|them|all)\b(?:\s+[\d,]*\d(?:\s+\w+)?)?")
SERVICE_WORDS = re.compile(r"(?i)\b(?:navy|air\s+force|army|military|tatmadaw|naval|infantry|artillery)\b")
PERSONNEL_ONLY_RULES = frozenset({"flee-to", "cross-border", "leave-awol", "arrive-at", "seek-asylum", "take-refuge", "side-with", "side-with-people",
                                  "walk-out", "switch-to", "abscond", "join-strike", "received-by", "left-with"})
# "Thousands of people have crossed into Thailand": kept unless those who crossed are named as others
NOT_OTHERS_RULES = frozenset({"cross-into"})

# Words that turn a trigger into something that did not happen.
NEGATION_WORDS = frozenset({"not", "never", "n't", "no", "nobody", "none", "neither", "nor", "without"})
MODAL_WORDS = frozenset({"would", "could", "might", "may", "will", "should", "must", "can", "shall", "'d", "ought"})
# Verbs whose complement is an intention, not a happening ("urged them to defect").
INTENT_VERBS = frozenset({
    "urge", "call", "appeal", "warn", "invite", "encourage", "ask", "want", "plan", "intend", "plead", "implore", "exhort",
    "try", "attempt", "refuse", "threaten", "consider", "hope", "wish", "decide", "prepare",
    "seek", "demand", "tell", "offer", "promise", "persuade", "convince", "force", "order",
    "allow", "help", "need", "expect", "fear", "prevent", "stop", "deter", "discourage",
    "punish", "arrest", "aim", "choose", "agree", "vow", "pledge", "able", "willing", "likely",
    "unlikely", "eager", "ready", "afraid", "tempt", "lure", "entice", "pressure", "push",
    # nouns whose to-infinitive is what is asked or hoped for: "Invitation to police to join the people"
    "invitation", "plea", "request", "bid", "instruction", "ultimatum",
})
DENIAL_WORDS = frozenset({"deny", "denied", "denies", "dismiss", "reject", "refute", "rebut"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
HABITUAL_WORDS = frozenset({"often", "usually", "regularly", "routinely", "typically", "generally", "always", "frequently"})

# the twelve month names, as period cues write them ("between January and ...", "in March alone")
_MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"

# the period of the figure told before: "340 soldiers have come over in the same period"
SAME_PERIOD = r"(?:in|over|during|for)\s+the\s+same\s+(?:period|time|span|timeframe)"
# Tallies: a figure over a period. These cues say "aggregate", not one happening.
# Cues that only aggregates carry: with one of these a figure is a tally, whatever its size.
# a figure's period from the coup to a day: "between the coup and January 31"
FROM_THE_COUP_TO = r"between\s+the\s+(?:coup|putsch|takeover)\s+and\b"
STRONG_PERIOD_CUE = re.compile(
    r"\b(?:since|so\s+far|to\s+date|in\s+total|in\s+all|a\s+total\s+of|altogether|cumulative(?:ly)?|"
    # "in the year to March", "over the 12 months ending in June"
    r"(?:in|during|over)\s+the\s+(?:year|\w+\s+months)\s+(?:to|up\s+to|ending)\b|"
    # "between late June and the end of July"
    r"between\s+(?:(?:early|mid|late|the\s+(?:start|beginning|middle|end)\s+of)[\s-]*)?" + _MONTH_NAME + r"\b|"
    r"over\s+the\s+(?:past|last)|in\s+the\s+(?:past|last|first)\s+(?:\w+\s+)?(?:weeks|months|years|half)|"
    r"during\s+the\s+(?:past|last)|(?:first|second)\s+half|"
    # a reporting period: "during the quarter", "over the reporting period", "in the first quarter"
    r"(?:during|over|in|throughout)\s+the\s+(?:(?:first|second|third|fourth|last|past|previous|same)\s+)?(?:quarter|reporting\s+period|period\s+under\s+review)|"
    # "in January alone", "last month alone": a month's total
    r"(?:in\s+" + _MONTH_NAME + r"|"
    r"(?:last|this)\s+(?:week|month|year)|in\s+(?:19|20)\d\d)\s+alone|"
    # "between the start of Operation 1027 ... and 30 November", "between the coup and January 31"
    r"between\s+the\s+(?:start|beginning|launch|end)\s+of|" + FROM_THE_COUP_TO + r"|"
    # "From 7 September 2021 to the date of this statement", "from January to June"
    r"from\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?" + _MONTH_NAME
    + r"\b[^.;]{0,40}?\b(?:to|until|till|through)\b|"
    # a whole year as the period: "had surrendered or defected to the KNLA ... during 2022"
    r"(?:during|throughout)\s+(?:19|20)\d\d\b|"
    # a figure set against an earlier period's: "up from 19 the year before"
    r"(?:up|down)\s+from\s+(?:about\s+|around\s+|roughly\s+|some\s+)?[\d,]+|"
    # a count up to a time: "By the deadline, 14 of the 22 had resigned", "By the truce in
    # mid-January, ... well over 2,000 troops had surrendered"
    r"(?-i:^By)\s+(?!(?:his|her|their|its|our|my|one|some|most|any|all)\s+(?:own\s+)?(?:counts?|estimates?|accounts?|reckoning|tally)\b)"
    r"[^,;]{2,60}?(?=,[^.;]*\bhad\b)|"
    # "in the months after the coup", "during the weeks following the offensive"
    r"(?:in|during|over)\s+the\s+(?:first\s+)?(?:days|weeks|months|years)\s+(?:after|since|following))\b",
    re.IGNORECASE,
)
PERIOD_CUE = re.compile(
    r"\b(?:since|so\s+far|to\s+date|in\s+total|in\s+all|a\s+total\s+of|altogether|cumulative(?:ly)?|until|till|"
    r"up\s+to\s+(?:now|the\s+end)|by\s+the\s+end\s+of|over\s+the\s+(?:past|last)|in\s+the\s+(?:past|last)|"
    r"during\s+the\s+(?:past|last)|(?:last|this|that)\s+year|in\s+(?:19|20)\d\d|(?:first|second)\s+half|"
    r"within\s+(?:\w+\s+)?(?:weeks|months|years)|each\s+month|every\s+month|per\s+month|monthly|"
    r"(?:have|has|had)\s+now|across\s+the\s+country|nationwide|throughout\s+the\s+country|"
    # "In the first four months of this year", "in the three months to June", "in February 2021 alone"
    r"(?:in|during|over)\s+the\s+(?:first|last|final|\w+)\s+(?:\w+\s+)?(?:weeks|months)\s+(?:of|to|up\s+to|ending)|"
    r"(?:(?:19|20)\d\d|" + _MONTH_NAME + r"|week|month|year)\s+alone|"
    # a whole month as the period a figure covers: "During August, at least 23 soldiers left"
    r"(?:during|throughout)\s+(?:the\s+month\s+of\s+)?" + _MONTH_NAME + r"|"
    # two months: "1,146 joined the CDM in February and March"
    r"(?:in|during|throughout)\s+" + _MONTH_NAME
    + r"\s+and\s+(?:(?:early|late)\s+|mid-?)?" + _MONTH_NAME + r"|"
    # the period of the figure told before: "340 soldiers have come over in the same period"
    + SAME_PERIOD + r")\b",
    re.IGNORECASE,
)

# A claim the text itself calls false is not an event ("a viral claim ... was false").
DEBUNK_CUE = re.compile(
    r"\b(?:false|fake|untrue|baseless|fabricated|debunked|hoax|no\s+evidence|not\s+true|misinformation|disinformation|"
    r"doctored|misleading|"
    # recycled media: "The photo is from a ceremony in 2019", "Please do not share it"
    r"(?:photo|picture|image|video|footage|clip)s?\s+(?:is|was|are|were)\s+(?:actually\s+|in\s+fact\s+)?(?:from|taken\s+(?:in|at|during))\s+(?:\w+\s+){0,5}?(?:19|20)\d\d|"
    r"(?:do\s+not|don['’]t)\s+share\s+(?:it|this|the)|old\s+(?:photo|picture|video|footage)|recycled)\b",
    re.IGNORECASE,
)

# Certainty.
# Verification language: "could not be independently verified", "Neither figure can be verified".
_VERIFY = (
    r"could\s+not\s+(?:be\s+)?(?:independently\s+)?(?:verif|confirm)\w*|cannot\s+(?:be\s+)?(?:independently\s+)?(?:verif|confirm)\w*|"
    r"unable\s+to\s+(?:independently\s+)?(?:verify|confirm)|(?:not|un)\s*able\s+to\s+(?:independently\s+)?(?:verify|confirm)|"
    r"not\s+(?:been\s+)?(?:independently\s+)?(?:verified|confirmed)|unverified|unconfirmed|"
    r"(?:neither|none|no)\b[^.]{0,40}\b(?:can|could)\s+(?:be\s+)?(?:independently\s+)?(?:verified|confirmed)"
)
# In the event's own sentence: verification language or a hedge ("reportedly", "believed to").
UNCONFIRMED_CUE = re.compile(
    rf"\b(?:{_VERIFY}|reportedly|allegedly|purportedly|believed\s+to|is\s+believed|are\s+believed|were\s+believed|"
    r"was\s+believed|claimed|claims|rumou?red|said\s+to\s+have)\b",
    re.IGNORECASE,
)
# In a later sentence only explicit verification language refers back to the claim
# ("The claim could not be independently verified"); "claims control" there is not a hedge.
VERIFY_CUE = re.compile(rf"\b(?:{_VERIFY})", re.IGNORECASE)
CONFIRM_CUE = re.compile(r"\b(?:confirmed|verified|corroborated|acknowledged)\b", re.IGNORECASE)
FIGHTING_CUE = re.compile(
    r"\b(?:attack\w*|fight\w*|clash\w*|battle\w*|offensive|overr[au]n|seiz\w*|captur\w*|raid\w*|assault\w*|"
    r"siege|besieg\w*|stormed|shelling|airstrikes?|encircl\w*|overpower\w*|took\s+control|take\s+over|"
    r"days\s+of|weeks\s+of|outposts?|camps?|bases?|headquarters|positions?)\b",
    re.IGNORECASE,
)

# Attribution: who the report credits.
ATTRIBUTION_VERBS = frozenset({
    "say", "tell", "report", "announce", "claim", "state", "confirm", "add", "write", "post",
    "declare", "note", "explain", "estimate", "record", "count", "reveal", "disclose", "publish",
})

# Running figures told as the level a count stands at, with no verb of leaving as the main verb:
# "the number of police who have left since the coup has risen to 7,000", "put the number of
# defectors at more than 14,000", "Defections from the army reached 1,200". The figure the frame
# assigns is the count; what is counted must be people leaving the regime (FIGURE_LEAVERS).
_FIGURE = (r"(?:(?:more\s+than|over|about|around|roughly|some|nearly|almost|at\s+least|close\s+to|upwards\s+of|"
           r"approximately|an\s+estimated)\s+)?\d(?:[\d,]*\d)?(?:\s+(?:thousand|hundred))?(?![\d]|,\d|\s*(?:%|percent|per\s+cent))")
_OF_PART = r"(?P<of>(?:(?!,\s*(?:and|but|while|whereas)\b)(?:[^.;]|\.(?=\s*\d))){1,120}?)"  # ("since Oct. 27": an abbreviation)
_FIGURE_NOUN = r"(?P<noun>number|tally|total|count|figure)"
# what may stand between "put the" and the figure's noun: "put the combined number of ... at"
FIGURE_NOUN_ADJ = r"(?:total|overall|combined|cumulative)"
# a figure's leavers named by a noun, with what they left: "Defections from the army", "defectors to the KNU"
_LEAVERS_NAMED = (r"\b(?P<noun>defections|desertions|defectors|deserters|surrenders)"
                  r"(?P<of>(?:\s+(?:from|of|in|to|among|within|by)\s+(?:the\s+|its\s+|their\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?)\s+")
FIGURE_FRAMES: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.IGNORECASE) for p in (
    # "the number of police who have left ... has risen to 7,000", "the tally ... now stands at 560"
    rf"\b{_FIGURE_NOUN}\s+of\s+{_OF_PART}\s+(?:(?:has|have|had)\s+)?(?:now\s+|already\s+|since\s+|reportedly\s+)?"
    r"(?:stands?|stood|risen|rose|reached|reaches|climbed|grown|grew|topped|tops|exceeded|passed|surpassed|hit|"
    r"totall?ed|is|was|swelled|jumped|increased|doubled|tripled|trebled)\s+(?:at\s+|to\s+)?(?:now\s+)?(?P<fig>" + _FIGURE + ")",
    # "put the number of defectors at more than 14,000"
    r"\b(?:put|puts|putting|placed|places|placing|estimated?|estimates|estimating|set|sets)\s+the\s+(?:" + FIGURE_NOUN_ADJ + r"\s+)?"
    rf"{_FIGURE_NOUN}\s+of\s+{_OF_PART}\s+at\s+(?P<fig>" + _FIGURE + ")",
    # "Defections from the army reached 1,200", "defectors now number more than 10,000"
    _LEAVERS_NAMED +
    r"(?:(?:has|have|had)\s+)?(?:now\s+|already\s+)?(?:reached|reach|rose\s+to|risen\s+to|climbed\s+to|grew\s+to|grown\s+to|"
    r"topped|top|exceeded|passed|surpassed|hit|totall?ed|total|numbered|number|stand\s+at|stood\s+at|jumped\s+to|"
    r"increased\s+to|doubled\s+to|tripled\s+to)\s+(?P<fig>" + _FIGURE + ")",
    # "puts total defections from the security forces at over 14,000"
    r"\b(?:put|puts|putting|placed|places|placing|estimated?|estimates|estimating)\s+(?:the\s+|its\s+)?(?:" + FIGURE_NOUN_ADJ + r"\s+)?"
    + _LEAVERS_NAMED + r"at\s+(?P<fig>" + _FIGURE + ")",
    # "bringing to 37 the number of soldiers who have joined the battalion since November 1"
    r"\b(?:bring|brings|brought|bringing|take|takes|took|taking|push|pushes|pushed|pushing|rais(?:e|es|ed|ing))\s+to\s+(?P<fig>"
    + _FIGURE + rf")\s+the\s+(?:" + FIGURE_NOUN_ADJ + rf"\s+)?{_FIGURE_NOUN}\s+of\s+(?P<of>[^.;]{{1,120}}?)(?=\s*[.;]|\s*$|,\s)",
    # "Those defections bring the total since the start of Operation 1027 to more than 4,000"
    _LEAVERS_NAMED +
    r"(?:bring|brings|brought|bringing|take|takes|took|taking|push|pushes|pushed|pushing)\s+(?:the|its|their)\s+"
    r"(?:overall\s+|total\s+)?(?:total|tally|number|count)\b[^.;:]{0,80}?\s+to\s+(?P<fig>" + _FIGURE + ")",
))
# What a figure counts: people leaving the regime, named as such ("defectors") or as its personnel
# with a verb of leaving ("police who have left"); not people killed, returned or recruited.
FIGURE_LEAVER_NOUN = re.compile(r"\b(?:defect(?:ors?|ions?)|desert(?:ers?|ions?)|surrenders|CDM|civil\s+disobedience)\b", re.IGNORECASE)
FIGURE_LEAVING = re.compile(
    r"\b(?:defect(?:ed|ing)?|desert(?:ed|ing)|surrender(?:ed|ing)?|left|quit|leaving|resigned|switched\s+sides|"
    r"changed\s+sides|joined\s+the\s+(?:CDM|civil\s+disobedience|resistance|revolution)|walked\s+out|laid\s+down|come\s+over|crossed\s+over"
    # "soldiers who have joined the battalion / us / it" (a receiver's own count)
    r"|joined\s+(?:us|it|(?:the|this|our|its)\s+(?:battalion|group|force|unit|column|brigade|network)))\b"
    r"(?!\s+(?:the\s+country|Myanmar|for\b|behind\b))",
    re.IGNORECASE,
)
FIGURE_NOT_LEAVING = re.compile(
    r"\b(?:return\w*|rejoin\w*|went\s+back|gone\s+back|resum\w*|arrest\w*|detain\w*|kill\w*|dead|died|sentenced|jailed|"
    r"fired|dismissed|sacked|prosecuted|charged|recruit\w*|conscript\w*|drafted|deploy\w*|wounded|injured|captured|"
    r"prisoners?|displaced|refugees?|civilians?)\b",
    re.IGNORECASE,
)

# "some 3,000 soldiers and police have left since the coup": 'left' with no object says they left
# the regime's service only as a figure of its personnel over a period (checked in the parse).
BARE_LEAVING_RULES = frozenset({"left-bare", "cross-over-bare"})
# a subject that is a number alone: "412 crossed over in 2024 alone"
BARE_NUMBER = re.compile(r"\s*[\"“‘']?(?:(?:about|around|roughly|some|over|more\s+than|nearly|almost|approximately|at\s+least)\s+)?[\d,]+[\"”’']?\s*")
