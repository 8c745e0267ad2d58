"""Measure every catalogue voice: words per second and CPU-seconds per audio-second.

    python -m onetake.voice.measure            # all voices
    python -m onetake.voice.measure joe heart  # some

Each voice reads the same marketing paragraph in its language (numbers included, as
in real scripts). Words are counted by onetake.text_units.count_words, as everywhere
after planning: whitespace words, and in Chinese every Han character. Duration is the final utterance's, so the
sentence pauses the pipeline adds are part of the rate. CPU time is process time of
the synthesis alone (models loaded and warmed first), median of three runs.
"""

from __future__ import annotations

import statistics
import sys
import time

from onetake.text_units import count_words
from onetake.voice.catalogue import list_voices
from onetake.voice.speak import engine_for, synthesize

PARAGRAPHS = {
    "en": (
        "Meet Aurora, the smart speaker that fills every room with rich, detailed sound. "
        "Set it up in under a minute, then just ask for your favourite playlist. "
        "With 20 hours of battery and a design that fits any shelf, Aurora goes wherever you go. "
        "Order today for $149 and get free shipping, plus a thirty-day money-back guarantee. "
        "Aurora: great sound, made simple."
    ),
    "es": (
        "Te presentamos Aurora, el altavoz inteligente que llena cada habitación con un sonido rico y detallado. "
        "Configúralo en menos de un minuto y pide tu lista de reproducción favorita. "
        "Con 20 horas de batería y un diseño que encaja en cualquier estante, Aurora va contigo a todas partes. "
        "Pídelo hoy por 149 euros y recibe envío gratis, además de treinta días de garantía. "
        "Aurora: gran sonido, sin complicaciones."
    ),
    "fr": (
        "Découvrez Aurora, l'enceinte intelligente qui remplit chaque pièce d'un son riche et détaillé. "
        "Installez-la en moins d'une minute, puis demandez simplement votre playlist préférée. "
        "Avec 20 heures d'autonomie et un design qui trouve sa place sur chaque étagère, Aurora vous suit partout. "
        "Commandez-la aujourd'hui pour 149 euros et profitez de la livraison gratuite et de trente jours satisfait "
        "ou remboursé. Aurora : le grand son, tout simplement."
    ),
    "de": (
        "Das ist Aurora, der smarte Lautsprecher, der jeden Raum mit vollem, detailreichem Klang füllt. "
        "In weniger als einer Minute eingerichtet, spielt er auf Zuruf deine Lieblingsplaylist. "
        "Mit 20 Stunden Akkulaufzeit und einem Design, das in jedes Regal passt, begleitet dich Aurora überallhin. "
        "Bestelle heute für 149 Euro und erhalte kostenlosen Versand und dreißig Tage Geld-zurück-Garantie. "
        "Aurora: großer Klang, ganz einfach."
    ),
    "it": (
        "Ecco Aurora, lo speaker intelligente che riempie ogni stanza di un suono ricco e dettagliato. "
        "Si configura in meno di un minuto: poi basta chiedere la tua playlist preferita. "
        "Con 20 ore di batteria e un design che sta su qualsiasi mensola, Aurora ti segue ovunque. "
        "Ordinalo oggi a 149 euro e ricevi la spedizione gratuita, più trenta giorni soddisfatti o rimborsati. "
        "Aurora: grande suono, in modo semplice."
    ),
    "pt": (
        "Conheça a Aurora, a coluna inteligente que enche cada divisão com um som rico e detalhado. "
        "Configure-a em menos de um minuto e peça a sua lista de reprodução favorita. "
        "Com 20 horas de bateria e um design que cabe em qualquer prateleira, a Aurora vai consigo para todo o lado. "
        "Encomende hoje por 149 euros e receba envio grátis, mais trinta dias de garantia de devolução. "
        "Aurora: grande som, sem complicações."
    ),
    "nl": (
        "Maak kennis met Aurora, de slimme speaker die elke kamer vult met rijk, gedetailleerd geluid. "
        "Je installeert hem in minder dan een minuut en vraagt daarna gewoon om je favoriete playlist. "
        "Met 20 uur batterijduur en een ontwerp dat op elke plank past, gaat Aurora overal met je mee. "
        "Bestel vandaag voor 149 euro en krijg gratis verzending plus dertig dagen niet goed, geld terug. "
        "Aurora: geweldig geluid, heel eenvoudig."
    ),
    "pl": (
        "Poznaj Aurorę, inteligentny głośnik, który wypełnia każdy pokój bogatym, szczegółowym dźwiękiem. "
        "Skonfigurujesz go w mniej niż minutę, a potem wystarczy poprosić o ulubioną playlistę. "
        "Dzięki 20 godzinom pracy na baterii i wyglądowi pasującemu na każdą półkę Aurora pójdzie z tobą wszędzie. "
        "Zamów dziś za 149 złotych i odbierz darmową dostawę oraz trzydzieści dni na zwrot. "
        "Aurora: świetny dźwięk, po prostu."
    ),
    "hi": (
        "मिलिए ऑरोरा से, वह स्मार्ट स्पीकर जो हर कमरे को भरपूर और साफ़ आवाज़ से भर देता है। "
        "इसे एक मिनट से भी कम समय में सेट करें, फिर बस अपनी पसंदीदा प्लेलिस्ट माँगें। "
        "20 घंटे की बैटरी और हर शेल्फ़ पर जँचने वाले डिज़ाइन के साथ, ऑरोरा आप जहाँ जाएँ वहाँ चलता है। "
        "आज ही 149 डॉलर में ऑर्डर करें और मुफ़्त डिलीवरी के साथ तीस दिन की मनी-बैक गारंटी पाएँ। "
        "ऑरोरा: शानदार आवाज़, बेहद आसान।"
    ),
    "zh": (
        "认识一下 Aurora，一款能让每个房间都充满丰富细腻声音的智能音箱。"
        "不到一分钟就能完成设置，然后只需说出你最喜欢的歌单。"
        "20 小时续航，外观适合任何书架，Aurora 随你而行。"
        "今天下单只需 149 元，还可享受免费配送和三十天无理由退款。"
        "Aurora：好声音，很简单。"
    ),
}


def measure(voice_id: str, runs: int = 3) -> tuple[float, float, float]:
    """(words per second, CPU-seconds per audio-second, audio seconds) for one voice."""
    voice = next(v for v in list_voices() if v.id == voice_id)
    text = PARAGRAPHS[voice.language.split("-")[0].lower()]
    engine_for(voice_id)
    synthesize("Warm up.", voice_id)  # lazy tables (lexicons, tagger) load on first use
    cpu, duration = [], 0.0
    for _ in range(runs):
        t0 = time.process_time()
        utterance = synthesize(text, voice_id)
        cpu.append(time.process_time() - t0)
        duration = utterance.duration
    return count_words(text) / duration, statistics.median(cpu) / duration, duration


def main(argv: list[str]) -> int:
    ids = argv or [v.id for v in list_voices()]
    print(f"{'voice':22} {'words/s':>8} {'CPU-s/audio-s':>14} {'audio s':>8}")
    for vid in ids:
        wps, rtf, dur = measure(vid)
        print(f"{vid:22} {wps:8.2f} {rtf:14.4f} {dur:8.1f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
