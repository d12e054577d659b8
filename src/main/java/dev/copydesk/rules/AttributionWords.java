package dev.copydesk.rules;

import dev.copydesk.core.Token;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words the attribution constructions are recognised by, from the rule file: verbs and nouns
 * by lemma, quantifiers and function words as written. Each component is read from the key of the
 * same name in kebab case ({@code reportingVerbs} from {@code reporting-verbs}); the grammar that
 * uses them is in {@link Attributions}, {@link SourceSubjects} and {@link Hedges}.
 */
record AttributionWords(
    Set<String> reportingVerbs,
    Set<String> speechVerbs,
    Set<String> clauseVerbs,
    Set<String> intentionVerbs,
    Set<String> judgementVerbs,
    Set<String> raisingVerbs,
    Set<String> holdingVerbs,
    Set<String> citingVerbs,
    Set<String> hearsayVerbs,
    Set<String> hearsaySubjects,
    Set<String> personNouns,
    Set<String> institutionNouns,
    Set<String> crowdNouns,
    Set<String> followerNouns,
    Set<String> unnameableNouns,
    Set<String> crowdPronouns,
    Set<String> firstPerson,
    Set<String> rumourNouns,
    Set<String> evidenceNouns,
    Set<String> quantifiers,
    Set<String> passiveVerbs,
    Set<String> consensusVerbs,
    Set<String> rumourPassives,
    Set<String> complementPassives,
    Set<String> chargePassives,
    Set<String> creditPassives,
    Set<String> consensusAdverbs,
    Set<String> negations,
    Set<String> beliefNouns,
    Set<String> beliefAdjectives,
    Set<String> copulas,
    Set<String> rumourModifiers,
    Set<String> unaffiliated,
    Set<String> memberWords,
    Set<String> organisationModifiers,
    Set<String> definiteWords,
    Set<String> affiliations,
    Set<String> indefinites,
    Set<String> modals,
    Set<String> marketSpeakers,
    Set<String> publicationNouns,
    Set<String> spokespersonNouns,
    Set<String> freeChoicePronouns,
    Set<String> speechNouns,
    Set<String> quantityNouns,
    Set<String> topicVerbs,
    Set<String> adviceModals,
    Set<String> placePrepositions,
    Set<String> places,
    Set<String> anonymityWords,
    Set<String> organisationHeads,
    Set<String> talkNouns,
    Set<String> namingAsides,
    Set<String> pollNouns,
    Set<String> weaselModals,
    Set<String> estimateVerbs,
    Set<String> talkPrepositions) {

  /** The rule-file keys these words are read from. */
  static final List<String> KEYS = List.of(
      "reporting-verbs", "speech-verbs", "clause-verbs", "intention-verbs", "judgement-verbs", "raising-verbs",
      "holding-verbs", "citing-verbs", "hearsay-verbs", "hearsay-subjects", "person-nouns", "institution-nouns",
      "crowd-nouns", "follower-nouns", "unnameable-nouns", "crowd-pronouns", "first-person",
      "rumour-nouns", "evidence-nouns", "quantifiers", "passive-verbs", "consensus-verbs", "rumour-passives",
      "complement-passives", "charge-passives", "credit-passives", "consensus-adverbs", "negations", "belief-nouns",
      "belief-adjectives", "copulas", "rumour-modifiers", "unaffiliated-modifiers", "member-words",
      "organisation-modifiers", "definite-words", "affiliations", "indefinites", "modals",
      "market-speakers", "publication-nouns",
      "spokesperson-nouns", "free-choice-pronouns", "speech-nouns",
      "quantity-nouns", "topic-verbs", "advice-modals", "place-prepositions", "places", "anonymity-words", "organisation-heads", "talk-nouns",
      "naming-asides", "poll-nouns", "weasel-modals", "estimate-verbs", "talk-prepositions");

  static AttributionWords from(RuleFile file) throws RuleFileException {
    Map<String, Set<String>> sets = new HashMap<>();
    for (String key : KEYS) {
      sets.put(key, Text.lowerSet(file.strings(key)));
    }
    // As written: "the City" is London's markets, "the city" a council that speaks for itself.
    sets.put("market-speakers", Set.copyOf(file.strings("market-speakers")));
    sets.put("places", withJdkPlaces(sets.get("places")));
    return new AttributionWords(sets.get("reporting-verbs"), sets.get("speech-verbs"), sets.get("clause-verbs"),
        sets.get("intention-verbs"), sets.get("judgement-verbs"), sets.get("raising-verbs"), sets.get("holding-verbs"),
        sets.get("citing-verbs"), sets.get("hearsay-verbs"), sets.get("hearsay-subjects"),
        sets.get("person-nouns"), sets.get("institution-nouns"), sets.get("crowd-nouns"), sets.get("follower-nouns"),
        sets.get("unnameable-nouns"), sets.get("crowd-pronouns"),
        sets.get("first-person"), sets.get("rumour-nouns"), sets.get("evidence-nouns"), sets.get("quantifiers"),
        sets.get("passive-verbs"), sets.get("consensus-verbs"), sets.get("rumour-passives"),
        sets.get("complement-passives"), sets.get("charge-passives"), sets.get("credit-passives"), sets.get("consensus-adverbs"),
        sets.get("negations"), sets.get("belief-nouns"), sets.get("belief-adjectives"), sets.get("copulas"),
        sets.get("rumour-modifiers"), sets.get("unaffiliated-modifiers"), sets.get("member-words"), sets.get("organisation-modifiers"),
        sets.get("definite-words"), sets.get("affiliations"), sets.get("indefinites"), sets.get("modals"),
        sets.get("market-speakers"), sets.get("publication-nouns"),
        sets.get("spokesperson-nouns"), sets.get("free-choice-pronouns"), sets.get("speech-nouns"),
        sets.get("quantity-nouns"), sets.get("topic-verbs"), sets.get("advice-modals"),
        sets.get("place-prepositions"), sets.get("places"), sets.get("anonymity-words"), sets.get("organisation-heads"), sets.get("talk-nouns"),
        sets.get("naming-asides"), sets.get("poll-nouns"), sets.get("weasel-modals"), sets.get("estimate-verbs"), sets.get("talk-prepositions"));
  }

  /** The continents whose time-zone identifiers name cities ("Europe/Zurich"); "Etc/GMT" and "US/Pacific" name none. */
  private static final Set<String> ZONE_REGIONS = Set.of("Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific");

  /**
   * The rule file's places, lower-cased, with two gazetteers the JDK already carries: the
   * cities its time zones are named after ("Chicago", "Hong Kong", "Zurich") and the countries
   * of its locales, in English ("Japan", "Taiwan"). A place is where a crowd is, not who it
   * speaks for ("traders in Zurich", "Chicago floor traders").
   */
  private static Set<String> withJdkPlaces(Set<String> listed) {
    Set<String> places = new HashSet<>(listed);
    for (String zone : ZoneId.getAvailableZoneIds()) {
      int slash = zone.indexOf('/');
      if (slash > 0 && ZONE_REGIONS.contains(zone.substring(0, slash))) {
        places.add(zone.substring(zone.lastIndexOf('/') + 1).replace('_', ' ').toLowerCase(Locale.ROOT));
      }
    }
    for (String country : Locale.getISOCountries()) {
      places.add(new Locale("", country).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(places);
  }

  /** True when one of the token's lemmas is in the set: words are listed by lemma ("say" for "said"). */
  static boolean has(Token token, Set<String> lemmas) {
    return token.lemmas().stream().anyMatch(lemmas::contains);
  }
}
