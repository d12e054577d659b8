package dev.copydesk.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Who "they" is, from sentence to sentence: the last speaker with a subject, for a sentence or two.
 * "Critics argue the tram will fail. They insist ..." is the critics again, as vague as before;
 * after a named speaker, or a speaker who is one person, "they" is nobody this rule can judge.
 */
final class SpeakerThread {

  /** How many sentences with no speaker may stand between a crowd and the "they" that continues it. */
  private static final int MAX_SENTENCES_BETWEEN = 2;

  private Attributions.Attribution speaker;
  private int sentencesSince;

  /** The sentence's "they" speakers judged as the crowd they continue; then the thread moves on past it. */
  List<Attributions.Attribution> follow(Attributions.Sentence sentence) {
    List<Attributions.Attribution> continued = new ArrayList<>();
    boolean goesOn = speaker != null && speaker.crowd() && sentencesSince <= MAX_SENTENCES_BETWEEN
        && speaker.source() != Attributions.Source.NAMED;
    for (Attributions.Attribution they : sentence.continued()) {
      if (goesOn) {
        continued.add(new Attributions.Attribution(they.span(), speaker.source(), false, true));
      }
    }
    if (sentence.lastSpeaker() != null) {
      speaker = sentence.lastSpeaker();
      sentencesSince = 0;
    } else if (sentence.continued().isEmpty()) {
      sentencesSince++;
    }
    return continued;
  }
}
