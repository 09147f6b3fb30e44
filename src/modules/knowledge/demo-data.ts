/** The Servicenter demo help center: travel and services articles, each in Spanish and English. */

export interface DemoArticle {
  key: string;
  category: { es: string; en: string };
  tags: string[];
  visibility?: 'public' | 'agents';
  es: { title: string; body: string; phrasings: string[] };
  en: { title: string; body: string; phrasings: string[] };
}

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    key: 'book-tour',
    category: { es: 'Reservas', en: 'Bookings' },
    tags: ['reservas', 'tours'],
    es: {
      title: '¿Cómo reservo un tour o un paquete?',
      body: 'Puede reservar en **servicenter.co**, por WhatsApp al **+57 300 555 0101** o en nuestras oficinas de Bucaramanga (lunes a viernes de 7:00 a. m. a 8:00 p. m., sábados de 8:00 a. m. a 2:00 p. m.).\n\nPara reservar necesitamos:\n\n- la fecha y el número de viajeros,\n- el nombre completo y el documento de cada viajero,\n- un correo para enviarle el voucher.\n\nEl cupo queda confirmado con el pago del 50 %; el saldo se paga hasta 3 días antes del viaje.',
      phrasings: ['quiero separar cupo para un tour', 'cómo hago una reserva'],
    },
    en: {
      title: 'How do I book a tour or a package?',
      body: "Book at **servicenter.co**, on WhatsApp at **+57 300 555 0101**, or at our offices in Bucaramanga (Monday to Friday 7 a.m. to 8 p.m., Saturdays 8 a.m. to 2 p.m.).\n\nTo book we need:\n\n- the date and the number of travellers,\n- each traveller's full name and ID document,\n- an e-mail address for your voucher.\n\nYour place is confirmed once 50% is paid; the balance is due 3 days before the trip.",
      phrasings: ['I want to reserve a place on a tour', 'how do I make a booking'],
    },
  },
  {
    key: 'change-date',
    category: { es: 'Reservas / Cambios', en: 'Bookings / Changes' },
    tags: ['cambios', 'fechas'],
    es: {
      title: '¿Puedo cambiar la fecha de mi reserva?',
      body: 'Sí. Los cambios de fecha son **gratuitos hasta 72 horas antes** del servicio, sujetos a disponibilidad. Entre 72 y 24 horas antes cobramos un cargo de $40.000 COP por reserva. Con menos de 24 horas no es posible cambiar la fecha.\n\nPida el cambio desde *Mis reservas* en la web o escríbanos con su número de reserva. Los cambios de vuelos incluidos en un paquete siguen las condiciones de la aerolínea.',
      phrasings: ['mover mi viaje para otro día', 'reprogramar la reserva'],
    },
    en: {
      title: 'Can I change the date of my booking?',
      body: "Yes. Date changes are **free up to 72 hours before** the service, subject to availability. Between 72 and 24 hours before there is a fee of COP 40,000 per booking. Within 24 hours the date cannot be changed.\n\nAsk for the change under *My bookings* on the website or write to us with your booking number. Flights included in a package follow the airline's rules.",
      phrasings: ['move my trip to another day', 'reschedule my booking'],
    },
  },
  {
    key: 'cancel-refund',
    category: { es: 'Pagos y reembolsos', en: 'Payments and refunds' },
    tags: ['reembolsos', 'cancelaciones'],
    es: {
      title: '¿Cómo cancelo y cuándo me devuelven el dinero?',
      body: 'Si cancela **más de 7 días antes** le devolvemos el 100 %; entre 7 y 2 días, el 50 %; con menos de 48 horas no hay reembolso, salvo fuerza mayor.\n\nEl reembolso se hace al mismo medio de pago: tarjeta de crédito en 5 a 15 días hábiles según el banco; PSE o transferencia en 5 días hábiles a la cuenta que nos indique. Si el tour se cancela por clima, le ofrecemos otra fecha o el reembolso total.',
      phrasings: ['me devuelven la plata si cancelo', 'reembolso de un tour cancelado'],
    },
    en: {
      title: 'How do I cancel, and when do I get my money back?',
      body: 'Cancel **more than 7 days before** and we refund 100%; between 7 and 2 days, 50%; within 48 hours there is no refund, except in cases of force majeure.\n\nRefunds go back to the same payment method: credit cards in 5 to 15 business days depending on the bank; PSE or bank transfer in 5 business days to the account you give us. If a tour is cancelled because of the weather, we offer another date or a full refund.',
      phrasings: ['do I get a refund if I cancel', 'refund for a cancelled tour'],
    },
  },
  {
    key: 'baggage',
    category: { es: 'Equipaje', en: 'Baggage' },
    tags: ['equipaje', 'maletas'],
    es: {
      title: '¿Cuánto equipaje puedo llevar?',
      body: 'En los traslados terrestres cada viajero puede llevar **una maleta de hasta 23 kg** y un bolso de mano. Las bicicletas, tablas o instrumentos grandes deben avisarse al reservar.\n\nEn los vuelos nacionales del paquete se aplica la tarifa de la aerolínea: la tarifa básica solo incluye un artículo personal de 6 kg; la maleta de bodega se compra aparte.',
      phrasings: ['cuántos kilos de maleta', 'límite de equipaje en el bus'],
    },
    en: {
      title: 'How much baggage can I bring?',
      body: "On ground transfers each traveller may bring **one suitcase of up to 23 kg** and one piece of hand luggage. Bicycles, boards or large instruments must be announced when booking.\n\nOn domestic flights in a package the airline's fare applies: the basic fare only includes a 6 kg personal item; checked luggage is bought separately.",
      phrasings: ['how many kilos of luggage', 'baggage limit on the bus'],
    },
  },
  {
    key: 'lost-baggage',
    category: { es: 'Equipaje', en: 'Baggage' },
    tags: ['equipaje', 'reclamos'],
    es: {
      title: 'Perdí mi maleta o llegó dañada, ¿qué hago?',
      body: 'Si fue en un vuelo, repórtelo **antes de salir del aeropuerto** en el mostrador de la aerolínea y pida el número del reporte (PIR). Luego envíenos ese número y el de su reserva: le ayudamos con el reclamo y, si tiene seguro de viaje, con la reclamación al seguro.\n\nSi fue en uno de nuestros traslados, avise al conductor o a la línea de atención; buscamos el equipaje el mismo día.',
      phrasings: ['se me perdió la maleta', 'equipaje dañado en el vuelo'],
    },
    en: {
      title: 'My suitcase was lost or damaged. What do I do?',
      body: "If it happened on a flight, report it **before leaving the airport** at the airline's desk and ask for the report number (PIR). Then send us that number and your booking number: we help you with the claim and, if you have travel insurance, with the insurance claim.\n\nIf it happened on one of our transfers, tell the driver or call our line; we look for the luggage the same day.",
      phrasings: ['my luggage is lost', 'damaged bag on the flight'],
    },
  },
  {
    key: 'payments',
    category: { es: 'Pagos y reembolsos', en: 'Payments and refunds' },
    tags: ['pagos'],
    es: {
      title: '¿Qué medios de pago aceptan?',
      body: 'Aceptamos tarjetas de crédito y débito Visa, Mastercard y American Express, **PSE**, Nequi, Daviplata, transferencia bancaria y efectivo en nuestras oficinas.\n\nCon tarjeta de crédito puede diferir el pago hasta 36 cuotas; los intereses los cobra su banco. Las empresas con convenio pueden pagar a 30 días contra factura.',
      phrasings: ['puedo pagar con nequi', 'pago a cuotas'],
    },
    en: {
      title: 'Which payment methods do you accept?',
      body: 'We accept Visa, Mastercard and American Express credit and debit cards, **PSE**, Nequi, Daviplata, bank transfers, and cash at our offices.\n\nWith a credit card you can spread the payment over up to 36 instalments; your bank charges the interest. Companies with an agreement can pay at 30 days against invoice.',
      phrasings: ['can I pay in instalments', 'do you take credit cards'],
    },
  },
  {
    key: 'invoice',
    category: { es: 'Pagos y reembolsos', en: 'Payments and refunds' },
    tags: ['facturas'],
    es: {
      title: '¿Cómo pido la factura electrónica a nombre de mi empresa?',
      body: 'Al reservar, marque *Factura a nombre de empresa* e indique el **NIT**, la razón social y el correo de facturación. Si ya pagó, escríbanos dentro del mismo mes con el número de reserva y esos datos. La factura electrónica llega al correo en 48 horas hábiles.',
      phrasings: ['factura con NIT', 'cambiar los datos de la factura'],
    },
    en: {
      title: "How do I get the electronic invoice in my company's name?",
      body: 'When booking, tick *Invoice to a company* and give the **tax ID (NIT)**, the company name and the billing e-mail. If you already paid, write to us within the same month with the booking number and those details. The electronic invoice arrives by e-mail within 48 business hours.',
      phrasings: ['invoice with tax id', 'change the invoice details'],
    },
  },
  {
    key: 'flannel-sheets',
    category: { es: 'Tienda / Cuidado de productos', en: 'Shop / Product care' },
    tags: ['tienda', 'lavado', 'sábanas'],
    es: {
      title: '¿Cómo lavo las sábanas de franela?',
      body: 'Las sábanas de franela de la tienda Servicenter Hogar duran más si se lavan así:\n\n1. Lávelas **en agua fría** (máximo 30 °C), del revés y con colores similares.\n2. Use detergente suave; **no use blanqueador** ni suavizante en exceso.\n3. Séquelas en **secadora a baja temperatura** o a la sombra; sáquelas apenas terminen para evitar arrugas.\n4. No las planche a temperatura alta.\n\nEs normal que suelten algo de pelusa en los primeros tres lavados.',
      phrasings: ['instrucciones de lavado de sábanas de franela', 'cómo se lavan las sábanas de franela'],
    },
    en: {
      title: 'How do I wash flannel sheets?',
      body: 'Flannel sheets from the Servicenter Home shop last longer when washed like this:\n\n1. Wash them **in cold water** (30 °C at most), inside out and with similar colours.\n2. Use a mild detergent; **no bleach**, and not too much softener.\n3. **Tumble dry on low heat** or dry in the shade; take them out as soon as they are done to avoid creases.\n4. Do not iron them on a high setting.\n\nSome lint during the first three washes is normal.',
      phrasings: ['flannel sheet washing instructions', 'how to wash flannel bedding'],
    },
  },
  {
    key: 'callback',
    category: { es: 'Atención al cliente', en: 'Customer service' },
    tags: ['contacto'],
    es: {
      title: '¿Cómo pido que me devuelvan la llamada?',
      body: 'En cualquier página del centro de ayuda elija **¿Todavía necesita ayuda? → Que me llamen**, deje su número y el tema. Un asesor le llama en el horario de atención, normalmente en menos de 30 minutos. Fuera de horario le llamamos al día hábil siguiente desde las 7:00 a. m.',
      phrasings: ['quiero que me llamen', 'llamada de un asesor'],
    },
    en: {
      title: 'How do I ask for a call back?',
      body: 'On any help-center page choose **Still need help? → Call me back**, and leave your number and the topic. An agent calls you during opening hours, usually within 30 minutes. Outside opening hours we call on the next business day from 7 a.m.',
      phrasings: ['I want you to call me', 'talk to an agent by phone'],
    },
  },
  {
    key: 'agent-refund-exceptions',
    category: { es: 'Procedimientos internos', en: 'Internal procedures' },
    tags: ['reembolsos', 'interno'],
    visibility: 'agents',
    es: {
      title: 'Excepciones de reembolso que puede aprobar un asesor',
      body: 'Un asesor puede aprobar sin supervisor un reembolso total fuera de política cuando hay **hospitalización** (con certificado), **calamidad familiar** o **cierre de vía** certificado por la autoridad. Registre el soporte en la interacción y use el código de cierre *REEMB-EXC*. Otros casos van a supervisión.',
      phrasings: ['reembolso por enfermedad', 'excepción a la política de cancelación'],
    },
    en: {
      title: 'Refund exceptions an agent may approve',
      body: 'An agent may approve a full refund outside policy without a supervisor for **hospitalisation** (with a certificate), a **family emergency**, or a **road closure** certified by the authorities. Attach the evidence to the interaction and use the wrap-up code *REEMB-EXC*. Other cases go to a supervisor.',
      phrasings: ['refund because of illness', 'exception to the cancellation policy'],
    },
  },
];

/** Synonyms customers use for the words of the articles. */
export const DEMO_SYNONYMS: { language: 'es' | 'en'; phrase: string; alternatives: string[] }[] = [
  { language: 'es', phrase: 'plata', alternatives: ['dinero'] },
  { language: 'es', phrase: 'maleta', alternatives: ['equipaje'] },
  { language: 'es', phrase: 'devolucion', alternatives: ['reembolso'] },
  { language: 'es', phrase: 'cuotas', alternatives: ['diferir'] },
  { language: 'en', phrase: 'luggage', alternatives: ['baggage', 'suitcase'] },
  { language: 'en', phrase: 'money back', alternatives: ['refund'] },
];
