namespace Platform.Infrastructure.Persistence;

/// <summary>
/// Translations of some demo posts (by index into <see cref="DemoContent.Posts"/>, then by language code), written for
/// young readers: short, plain, "du" as in the German, the German terms of their letters kept in brackets once. Same
/// Markdown, placeholders ({Name}, {Telefon}) and link targets as the German. Seeded, approved, by <see cref="DatabaseInitializer"/>.
/// </summary>
internal static class DemoTranslations
{
    /// <summary>Post index → language code → translated title, summary and Markdown body.</summary>
    public static readonly IReadOnlyDictionary<int, IReadOnlyDictionary<string, (string Title, string Summary, string Body)>> Posts =
        new Dictionary<int, IReadOnlyDictionary<string, (string Title, string Summary, string Body)>>
        {
            [0] = new Dictionary<string, (string Title, string Summary, string Body)>
            {
                ["en"] = (
                    "Renewal application (Weiterbewilligungsantrag): apply in time",
                    "Your Bürgergeld (basic income support) is usually granted for 12 months. Apply for the renewal about one month before it ends.",
                    "Your approval notice (Bewilligungsbescheid) shows **until when** you get Bürgergeld.\n\n- Hand in the renewal application (Weiterbewilligungsantrag) about **4 weeks before it ends**.\n- You can do this online or directly at {Name}.\n- Add new proofs, for example bank statements or a new tenancy agreement.\n\nQuestions? Call us: {Telefon}."),
                ["ar"] = (
                    "طلب الاستمرار (Weiterbewilligungsantrag): قدّمه في الوقت المناسب",
                    "عادةً تحصل على إعانة المواطن (Bürgergeld) لمدة 12 شهرًا. قدّم طلب الاستمرار قبل نهاية المدة بشهر تقريبًا.",
                    "قرار الموافقة (Bewilligungsbescheid) يوضّح لك **حتى متى** تحصل على إعانة المواطن.\n\n- قدّم طلب الاستمرار (Weiterbewilligungsantrag) قبل **4 أسابيع تقريبًا من نهاية المدة**.\n- يمكنك ذلك عبر الإنترنت أو مباشرةً لدى {Name}.\n- أرفق مستندات جديدة، مثل كشوف الحساب البنكي أو عقد إيجار جديد.\n\nعندك أسئلة؟ اتصل بنا: {Telefon}."),
                ["uk"] = (
                    "Заява на продовження (Weiterbewilligungsantrag): подай вчасно",
                    "Bürgergeld (базову соціальну допомогу) зазвичай призначають на 12 місяців. Подай заяву на продовження приблизно за місяць до кінця строку.",
                    "У рішенні про призначення (Bewilligungsbescheid) написано, **до якої дати** ти отримуєш Bürgergeld.\n\n- Подай заяву на продовження (Weiterbewilligungsantrag) приблизно **за 4 тижні до кінця строку**.\n- Це можна зробити онлайн або безпосередньо в {Name}.\n- Додай нові документи, наприклад виписки з банківського рахунку або новий договір оренди.\n\nЄ питання? Зателефонуй нам: {Telefon}."),
                ["tr"] = (
                    "Devam başvurusu (Weiterbewilligungsantrag): zamanında yap",
                    "Bürgergeld (temel geçim yardımı) genellikle 12 ay için onaylanır. Devam başvurusunu süre bitmeden yaklaşık bir ay önce yap.",
                    "Onay kararın (Bewilligungsbescheid), Bürgergeld'i **ne zamana kadar** alacağını gösterir.\n\n- Devam başvurusunu (Weiterbewilligungsantrag) süre bitmeden yaklaşık **4 hafta önce** yap.\n- Bunu internetten ya da doğrudan {Name} kurumunda yapabilirsin.\n- Yeni belgeler ekle, örneğin banka hesap dökümleri ya da yeni bir kira sözleşmesi.\n\nSoruların mı var? Bizi ara: {Telefon}."),
                ["ru"] = (
                    "Заявление о продлении (Weiterbewilligungsantrag): подай вовремя",
                    "Bürgergeld (базовое пособие) обычно назначают на 12 месяцев. Подай заявление о продлении примерно за месяц до конца срока.",
                    "В решении о назначении (Bewilligungsbescheid) указано, **до какого числа** ты получаешь Bürgergeld.\n\n- Подай заявление о продлении (Weiterbewilligungsantrag) примерно **за 4 недели до конца срока**.\n- Это можно сделать онлайн или прямо в {Name}.\n- Приложи новые документы, например выписки со счёта или новый договор аренды.\n\nЕсть вопросы? Позвони нам: {Telefon}."),
                ["fa"] = (
                    "درخواست تمدید (Weiterbewilligungsantrag): به‌موقع بده",
                    "کمک‌هزینهٔ زندگی تو (Bürgergeld) معمولاً برای 12 ماه تأیید می‌شود. درخواست تمدید را حدود یک ماه پیش از پایان مدت بده.",
                    "در نامهٔ تأیید (Bewilligungsbescheid) نوشته شده که **تا چه تاریخی** کمک‌هزینهٔ زندگی می‌گیری.\n\n- درخواست تمدید (Weiterbewilligungsantrag) را حدود **4 هفته پیش از پایان مدت** بده.\n- این کار را می‌توانی آنلاین یا مستقیم در {Name} انجام بدهی.\n- مدارک تازه را ضمیمه کن، مثلاً صورت‌حساب‌های بانکی یا قرارداد کرایهٔ تازه.\n\nسؤال داری؟ با ما تماس بگیر: {Telefon}."),
            },
            [1] = new Dictionary<string, (string Title, string Summary, string Body)>
            {
                ["en"] = (
                    "Your first own flat under 25",
                    "If you are under 25, you need the jobcenter's approval in advance (Zusicherung) before you move. Otherwise it may not pay the rent.",
                    "If you are under 25 and want to move out:\n\n1. Talk to us **before** you sign the tenancy agreement.\n2. We check whether there is a serious reason.\n3. Only with the **approval (Zusicherung)** do we pay rent and heating costs.\n\nContact {Name}: {Telefon}."),
                ["ar"] = (
                    "أول سكن خاص بك تحت سن 25",
                    "إذا كان عمرك أقل من 25 سنة، تحتاج قبل الانتقال إلى موافقة مسبقة (Zusicherung) من مركز العمل (Jobcenter)، وإلا فقد لا يدفع الإيجار.",
                    "إذا كان عمرك أقل من 25 سنة وتريد الانتقال إلى سكن خاص بك:\n\n1. تحدّث معنا **قبل** توقيع عقد الإيجار.\n2. نتحقق مما إذا كان هناك سبب جدّي.\n3. فقط بعد **الموافقة المسبقة (Zusicherung)** ندفع الإيجار وتكاليف التدفئة.\n\nتواصل مع {Name}: {Telefon}."),
                ["uk"] = (
                    "Перше власне житло до 25 років",
                    "Якщо тобі менше 25, перед переїздом тобі потрібна згода (Zusicherung) від джобцентру (Jobcenter), інакше він може не оплачувати оренду.",
                    "Якщо тобі менше 25 років і ти хочеш переїхати від батьків:\n\n1. Поговори з нами **до** підписання договору оренди.\n2. Ми перевіряємо, чи є серйозна причина.\n3. Лише після **згоди (Zusicherung)** ми оплачуємо оренду та витрати на опалення.\n\nЗвернися до {Name}: {Telefon}."),
                ["tr"] = (
                    "25 yaş altı: ilk kendi evin",
                    "25 yaşından küçüksen taşınmadan önce Jobcenter'dan bir ön onay (Zusicherung) alman gerekir. Yoksa kirayı ödemeyebilir.",
                    "25 yaşından küçüksen ve evden ayrılmak istiyorsan:\n\n1. Kira sözleşmesini imzalamadan **önce** bizimle konuş.\n2. Ciddi bir neden olup olmadığına bakarız.\n3. Kirayı ve ısınma giderlerini ancak **ön onay (Zusicherung)** ile öderiz.\n\n{Name} ile iletişime geç: {Telefon}."),
                ["ru"] = (
                    "Первое собственное жильё до 25 лет",
                    "Если тебе меньше 25, перед переездом тебе нужно согласие (Zusicherung) джобцентра (Jobcenter), иначе он может не оплачивать аренду.",
                    "Если тебе меньше 25 лет и ты хочешь переехать от родителей:\n\n1. Поговори с нами **до** подписания договора аренды.\n2. Мы проверяем, есть ли серьёзная причина.\n3. Только после **согласия (Zusicherung)** мы оплачиваем аренду и расходы на отопление.\n\nОбратись в {Name}: {Telefon}."),
                ["fa"] = (
                    "نخستین خانهٔ خودت، زیر 25 سال",
                    "اگر زیر 25 سال سن داری، پیش از نقل مکان به تأییدیهٔ قبلی (Zusicherung) از جاب‌سنتر (Jobcenter) نیاز داری، وگرنه شاید کرایهٔ خانه را نپردازد.",
                    "اگر زیر 25 سال سن داری و می‌خواهی به خانهٔ خودت نقل مکان کنی:\n\n1. **پیش** از امضای قرارداد کرایه با ما صحبت کن.\n2. ما بررسی می‌کنیم که آیا دلیل جدی وجود دارد.\n3. فقط با **تأییدیهٔ قبلی (Zusicherung)** کرایه و هزینهٔ گرمایش را می‌پردازیم.\n\nبا {Name} تماس بگیر: {Telefon}."),
            },
            [3] = new Dictionary<string, (string Title, string Summary, string Body)>
            {
                ["en"] = (
                    "Your job application as one PDF",
                    "Cover letter, CV and certificates belong in one single PDF file. Here is how to do it on your phone.",
                    "Many companies want **one** PDF file.\n\n1. Photograph your certificates (Zeugnisse) with a scanner app.\n2. Save your cover letter (Anschreiben) and CV (Lebenslauf) as PDF.\n3. Put everything together with a PDF app, in this order: cover letter, CV, certificates.\n4. File name: `Bewerbung_Nachname_Vorname.pdf` (Nachname = surname, Vorname = first name), ideally under 5 MB.\n\nOr right here, without an app and without uploading: [to the application folder](bewerbungsmappe)."),
                ["ar"] = (
                    "طلب العمل في ملف PDF واحد",
                    "رسالة التقديم والسيرة الذاتية والشهادات توضع كلها في ملف PDF واحد. هكذا تفعل ذلك على هاتفك.",
                    "كثير من الشركات تريد ملف PDF **واحدًا**.\n\n1. صوّر الشهادات (Zeugnisse) بتطبيق للمسح الضوئي.\n2. احفظ رسالة التقديم (Anschreiben) والسيرة الذاتية (Lebenslauf) بصيغة PDF.\n3. اجمع كل شيء بتطبيق PDF بهذا الترتيب: رسالة التقديم، السيرة الذاتية، الشهادات.\n4. اسم الملف: `Bewerbung_Nachname_Vorname.pdf` (Nachname هو اسم العائلة، Vorname هو الاسم الأول)، ويُفضَّل أن يكون أقل من 5 ميغابايت.\n\nأو هنا مباشرةً، بدون تطبيق وبدون رفع ملفات: [إلى ملف التقديم](bewerbungsmappe)."),
                ["uk"] = (
                    "Заявка на роботу одним PDF",
                    "Супровідний лист, резюме та свідоцтва мають бути в одному PDF-файлі. Ось як це зробити на телефоні.",
                    "Багато фірм хочуть **один** PDF-файл.\n\n1. Сфотографуй свідоцтва (Zeugnisse) застосунком-сканером.\n2. Збережи супровідний лист (Anschreiben) і резюме (Lebenslauf) у форматі PDF.\n3. Об’єднай усе в PDF-застосунку в такому порядку: супровідний лист, резюме, свідоцтва.\n4. Назва файлу: `Bewerbung_Nachname_Vorname.pdf` (Nachname — прізвище, Vorname — ім’я), бажано менше ніж 5 МБ.\n\nАбо прямо тут, без застосунку й без завантаження: [до папки з документами](bewerbungsmappe)."),
                ["tr"] = (
                    "Başvurun tek bir PDF olarak",
                    "Ön yazı, özgeçmiş ve belgeler tek bir PDF dosyasında olmalı. Bunu telefonda şöyle yaparsın.",
                    "Birçok firma **tek** bir PDF dosyası ister.\n\n1. Diploma ve belgelerini (Zeugnisse) bir tarama uygulamasıyla fotoğrafla.\n2. Ön yazını (Anschreiben) ve özgeçmişini (Lebenslauf) PDF olarak kaydet.\n3. Hepsini bir PDF uygulamasıyla birleştir, sıra: ön yazı, özgeçmiş, belgeler.\n4. Dosya adı: `Bewerbung_Nachname_Vorname.pdf` (Nachname = soyadı, Vorname = adı), mümkünse 5 MB'tan küçük.\n\nYa da doğrudan burada, uygulama olmadan ve dosya yüklemeden: [başvuru dosyasına git](bewerbungsmappe)."),
                ["ru"] = (
                    "Отклик на вакансию одним PDF",
                    "Сопроводительное письмо, резюме и аттестаты должны быть в одном PDF-файле. Вот как это сделать на телефоне.",
                    "Многие фирмы хотят **один** PDF-файл.\n\n1. Сфотографируй аттестаты (Zeugnisse) приложением-сканером.\n2. Сохрани сопроводительное письмо (Anschreiben) и резюме (Lebenslauf) в формате PDF.\n3. Объедини всё в PDF-приложении в таком порядке: сопроводительное письмо, резюме, аттестаты.\n4. Имя файла: `Bewerbung_Nachname_Vorname.pdf` (Nachname — фамилия, Vorname — имя), желательно меньше 5 МБ.\n\nИли прямо здесь, без приложения и без загрузки: [к папке с документами](bewerbungsmappe)."),
                ["fa"] = (
                    "درخواست کار در یک فایل PDF",
                    "نامهٔ درخواست، رزومه و مدرک‌ها باید در یک فایل PDF باشند. این‌طور این کار را با موبایل انجام می‌دهی.",
                    "بسیاری از شرکت‌ها **یک** فایل PDF می‌خواهند.\n\n1. با یک برنامهٔ اسکن از مدرک‌ها (Zeugnisse) عکس بگیر.\n2. نامهٔ درخواست (Anschreiben) و رزومه (Lebenslauf) را به شکل PDF ذخیره کن.\n3. همه را با یک برنامهٔ PDF یکی کن، به این ترتیب: نامهٔ درخواست، رزومه، مدرک‌ها.\n4. نام فایل: `Bewerbung_Nachname_Vorname.pdf` (Nachname یعنی نام خانوادگی، Vorname یعنی نام)، بهتر است کمتر از 5 مگابایت.\n\nیا همین‌جا، بدون برنامه و بدون بارگذاری: [رفتن به پوشهٔ درخواست](bewerbungsmappe)."),
            },
        };

    /// <summary>
    /// Post index → the post in German Leichte Sprache (short sentences, one statement each, long words split with the
    /// Mediopunkt). Each sentence of the body ends in a Markdown hard line break (a backslash), so it shows on its own line.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, (string Title, string Summary, string Body)> EasyRead =
        new Dictionary<int, (string Title, string Summary, string Body)>
        {
            [0] = (
                "Weiter·bewilligungs·antrag: Stell ihn früh",
                "Du bekommst Bürger·geld meistens für 12 Monate. Stell 1 Monat vorher einen neuen Antrag.",
                "Du bekommst Bürger·geld.\\\nDazu hast du einen Brief bekommen.\\\nDer Brief heißt: Bewilligungs·bescheid.\\\nIn dem Brief steht ein Datum.\\\nBis zu diesem Datum bekommst du **Bürger·geld**.\n\n"
                + "Du willst danach weiter Bürger·geld?\\\nDann stell einen neuen Antrag.\\\nDer Antrag heißt: Weiter·bewilligungs·antrag.\n\n"
                + "- Stell den Antrag **4 Wochen** vor dem Datum.\n- Das geht im Internet.\n- Oder du gehst zum {Name}.\n- Gib neue Papiere mit.\n- Zum Beispiel deine Konto·auszüge.\n- Oder deinen neuen Miet·vertrag.\n\n"
                + "Hast du Fragen?\\\nDann ruf uns an.\\\nUnsere Telefon·nummer ist: {Telefon}."),
        };
}
