import InboundMail

/// Corpus part C: sloppy and short mails, several destinations, origins, Dutch/German/French/Spanish dates.
enum ExtractCorpusC {
    static let cases: [LabelledInquiry] = [
        LabelledInquiry(
            "C01 month-first short", subject: "Cape Town",
            "Cape Town, Apr 12 for 4 nights, 2 adults. Thanks",
            destination: "Cape Town", checkIn: "2027-04-12", checkOut: "2027-04-16", adults: 2, children: 0,
            budget: nil),
        LabelledInquiry(
            "C02 people total with explicit split", subject: "Maldives",
            """
            Good day, I am Johan. We are 4 people travelling to Maldives, 3 adults and 1 child aged 12. \
            Dates 1/10/2027 - 8/10/2027. R200 000 total budget.
            """, destination: "Maldives", checkIn: "2027-10-01", checkOut: "2027-10-08", adults: 3, children: 1,
            ages: [12], budget: money(200_000, "ZAR")),
        LabelledInquiry(
            "C03 sloppy lowercase", subject: "quote",
            "hi can u quote zanzibar 4 nights 2ppl from 3 april, budget 20k rand tnx",
            destination: "Zanzibar", checkIn: "2027-04-03", checkOut: "2027-04-07", adults: 2, children: 0,
            budget: money(20_000, "ZAR")),
        LabelledInquiry(
            "C04 no destination", subject: "Beach holiday",
            """
            Hi, we want a beach holiday somewhere warm in December for 2 adults and 1 child. Budget R50,000.
            """, destination: nil, checkIn: nil, checkOut: nil, adults: 2, children: 1, budget: money(50_000, "ZAR")),
        LabelledInquiry(
            "C05 two destinations subject wins", subject: "Mauritius quote",
            """
            We went to Zanzibar last year and loved it, this time we're considering Mauritius. 2 adults, 7-14 May 2027.
            """, destination: "Mauritius", checkIn: "2027-05-07", checkOut: "2027-05-14", adults: 2, children: 0,
            budget: nil),
        LabelledInquiry(
            "C06 two destinations first wins", subject: "Holiday",
            "Considering Bali or the Maldives for 2 adults, 1-10 Aug 2027, budget $10k",
            destination: "Bali", checkIn: "2027-08-01", checkOut: "2027-08-10", adults: 2, children: 0,
            budget: money(10_000, "USD")),
        LabelledInquiry(
            "C07 origin is not destination", subject: "Quote",
            """
            We live in Cape Town and want to fly to Victoria Falls for 3 nights from 6 May 2027, 2 adults, \
            1 child aged 9.
            """, destination: "Victoria Falls", checkIn: "2027-05-06", checkOut: "2027-05-09", adults: 2, children: 1,
            ages: [9], budget: nil),
        LabelledInquiry(
            "C08 partner plus kids aged", subject: "Bali please",
            """
            Bali please: me and my partner plus kids aged 4 and 9. 2027-12-20 to 2028-01-03. Budget $14,000 total.
            """, destination: "Bali", checkIn: "2027-12-20", checkOut: "2028-01-03", adults: 2, children: 2,
            ages: [4, 9], budget: money(14_000, "USD")),
        LabelledInquiry(
            "C09 family of four no ages", subject: "Kruger",
            """
            Family of four looking for Kruger National Park, 10-14 July 2027, about R40k.
            """, destination: "Kruger", checkIn: "2027-07-10", checkOut: "2027-07-14", adults: 2, children: 2,
            budget: money(40_000, "ZAR")),
        LabelledInquiry(
            "C10 group of 12 ordinal dash", subject: "Corporate",
            """
            Corporate group of 12 to Cape Town, 3rd-6th June 2027, budget R15,000 per person.
            """, destination: "Cape Town", checkIn: "2027-06-03", checkOut: "2027-06-06", adults: 12, children: 0,
            budget: money(15_000, "ZAR", perPerson: true)),
        LabelledInquiry(
            "C11 just me", subject: "Santorini",
            """
            Just me travelling, Santorini, 5 nights from 18 Sept 2027. Budget €3,000.
            """, destination: "Santorini", checkIn: "2027-09-18", checkOut: "2027-09-23", adults: 1, children: 0,
            budget: money(3_000, "EUR")),
        LabelledInquiry(
            "C12 alias Nungwi pps", subject: "Nungwi",
            "Zanzibar Nungwi 2 adults 4 nights 1-5 Nov 2027 budget R18,500 pps",
            destination: "Zanzibar", checkIn: "2027-11-01", checkOut: "2027-11-05", adults: 2, children: 0,
            budget: money(18_500, "ZAR", perPerson: true)),
        LabelledInquiry(
            "C13 honeymooners pounds k", subject: "Honeymooners!",
            "Honeymooners! Santorini 20-27 Sept 2027, £4.5k for both of us.",
            destination: "Santorini", checkIn: "2027-09-20", checkOut: "2027-09-27", adults: 2, children: 0,
            budget: money(4_500, "GBP")),
        LabelledInquiry(
            "C14 ages in parentheses", subject: "Bali August",
            "Bali 2 adults 2 children (3 and 6) from 2 to 16 August 2027, 15000 EUR",
            destination: "Bali", checkIn: "2027-08-02", checkOut: "2027-08-16", adults: 2, children: 2,
            ages: [3, 6], budget: money(15_000, "EUR")),
        LabelledInquiry(
            "C15 an infant", subject: "Vic Falls",
            "Vic Falls, 2 adults and an infant, 12-15 March 2027",
            destination: "Victoria Falls", checkIn: "2027-03-12", checkOut: "2027-03-15", adults: 2, children: 1,
            budget: nil),
        LabelledInquiry(
            "C16 Dutch dotted dates", subject: "Vakantie Bali",
            """
            Goedemiddag, wij willen naar Bali van 15.08.2027 tot 22.08.2027 met 2 volwassenen en 1 kind van 5 jaar. \
            Budget 5000 euro.
            """, destination: "Bali", checkIn: "2027-08-15", checkOut: "2027-08-22", adults: 2, children: 1,
            ages: [5], budget: money(5_000, "EUR")),
        LabelledInquiry(
            "C17 mid-March only", subject: "Mauritius",
            "Thinking of Mauritius mid-March, 2 adults, budget R70k",
            destination: "Mauritius", checkIn: nil, checkOut: nil, adults: 2, children: 0, budget: money(70_000, "ZAR")),
        LabelledInquiry(
            "C18 leaving returning slashes", subject: "CPT",
            "Cape Town, leaving 03/04/2027 returning 10/04/2027, 2 adults",
            destination: "Cape Town", checkIn: "2027-04-03", checkOut: "2027-04-10", adults: 2, children: 0,
            budget: nil),
        LabelledInquiry(
            "C19 address in signature", subject: "Zanzibar November",
            """
            Hi,

            Please could you quote Zanzibar for 2 adults from 14 to 21 November 2027. We'd like half board and a sea \
            view. Budget R55,000.

            Best wishes
            Anna Smith
            12 Long Street, Cape Town, 8001
            Tel: 021 555 1234
            """, destination: "Zanzibar", checkIn: "2027-11-14", checkOut: "2027-11-21", adults: 2, children: 0,
            budget: money(55_000, "ZAR")),
        LabelledInquiry(
            "C20 Spanish noches desde", subject: "Zanzibar",
            """
            Hola! Somos 4 adultos, queremos 7 noches en Zanzibar desde el 10 de julio de 2027. Presupuesto: 2000 USD \
            por persona.
            """, destination: "Zanzibar", checkIn: "2027-07-10", checkOut: "2027-07-17", adults: 4, children: 0,
            budget: money(2_000, "USD", perPerson: true)),
        LabelledInquiry(
            "C21 German März euro sign after", subject: "Urlaub",
            """
            Hallo, wir (2 Erwachsene, 2 Kinder 5 und 8 Jahre) möchten vom 20. März bis 3. April 2027 nach Mauritius. \
            Budget ca. 8000 €.
            """, destination: "Mauritius", checkIn: "2027-03-20", checkOut: "2027-04-03", adults: 2, children: 2,
            ages: [5, 8], budget: money(8_000, "EUR")),
        LabelledInquiry(
            "C22 French août 1er", subject: "Séjour",
            """
            Bonjour, séjour à Santorin du 1er au 8 août 2027, 2 adultes, budget 5000€.
            """, destination: "Santorini", checkIn: "2027-08-01", checkOut: "2027-08-08", adults: 2, children: 0,
            budget: money(5_000, "EUR")),
    ]
}
