<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Compte et synchronisation</source>
        <translation>Account and sync</translation>
    </message>
    <message>
        <source>par exemple https://team.mon-organisme.fr</source>
        <translation>for example https://team.my-organisation.org</translation>
    </message>
    <message>
        <source>Créer un nouveau compte sur ce serveur</source>
        <translation>Create a new account on this server</translation>
    </message>
    <message>
        <source>Adresse du serveur</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Nom de cet appareil</source>
        <translation>Name of this device</translation>
    </message>
    <message>
        <source>Identifiant</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Nom affiché à votre groupe</source>
        <translation>Name shown to your group</translation>
    </message>
    <message>
        <source>Nom affiché</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Attention : cette adresse commence par http:// et non https://. La connexion n&apos;est pas chiffrée : votre mot de passe et vos écrits pourraient être lus ou modifiés sur le réseau. Demandez l&apos;adresse en https:// à votre formateur.</source>
        <translation>Warning: this address starts with http:// and not https://. The connection is not encrypted: your password and your writing could be read or changed on the network. Ask your trainer for the https:// address.</translation>
    </message>
    <message>
        <source>Se connecter</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Se déconnecter</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Mon compte…</source>
        <translation>My account…</translation>
    </message>
    <message>
        <source>Changer le mot de passe, voir vos appareils, en déconnecter un</source>
        <translation>Change the password, see your devices, log one out</translation>
    </message>
    <message>
        <source>TEAM Desktop fonctionne entièrement sans serveur. Un compte sert à retrouver votre travail sur vos autres appareils et à échanger avec votre groupe.</source>
        <translation>TEAM Desktop works entirely without a server. An account lets you find your work on your other devices and exchange with your group.</translation>
    </message>
    <message>
        <source>Aucun trousseau système n&apos;est disponible : votre mot de passe ne sera pas gardé, il vous sera redemandé à chaque session.</source>
        <translation>No system keyring is available: your password will not be kept, and you will be asked for it at each session.</translation>
    </message>
    <message>
        <source>Créer le compte</source>
        <translation>Create the account</translation>
    </message>
    <message>
        <source>Connecté·e en tant que {u} sur {s}.</source>
        <translation>Logged in as {u} on {s}.</translation>
    </message>
    <message>
        <source>Compte {u} : entrez votre mot de passe pour reprendre la synchronisation.</source>
        <translation>Account {u}: enter your password to resume syncing.</translation>
    </message>
    <message>
        <source>Remplissez les champs encadrés en rouge : {f}.</source>
        <translation>Fill in the fields framed in red: {f}.</translation>
    </message>
    <message>
        <source>Connexion…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>(Mot de passe non gardé : aucun trousseau système.)</source>
        <translation>(Password not kept: no system keyring.)</translation>
    </message>
    <message>
        <source>Erreur inattendue : {e}</source>
        <translation>Unexpected error: {e}</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Importer un pack…</source>
        <translation>&amp;Import a pack…</translation>
    </message>
    <message>
        <source>Installer un module reçu sous forme de fichier .teampack</source>
        <translation>Install a module received as a .teampack file</translation>
    </message>
    <message>
        <source>&amp;Exporter le journal…</source>
        <translation>&amp;Export the journal…</translation>
    </message>
    <message>
        <source>Exporter le journal ou les notes en Markdown, HTML, PDF ou Leap2A</source>
        <translation>Export the journal or the notes as Markdown, HTML, PDF or Leap2A</translation>
    </message>
    <message>
        <source>&amp;Sauvegarder mes données…</source>
        <translation>&amp;Back up my data…</translation>
    </message>
    <message>
        <source>Enregistrer toutes vos données dans un fichier de sauvegarde</source>
        <translation>Save all your data in a backup file</translation>
    </message>
    <message>
        <source>&amp;Restaurer une sauvegarde…</source>
        <translation>&amp;Restore a backup…</translation>
    </message>
    <message>
        <source>Remplacer vos données par celles d&apos;une sauvegarde (les actuelles sont gardées)</source>
        <translation>Replace your data with a backup&apos;s (the current data is kept)</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Fermer TEAM Desktop</source>
        <translation>Close TEAM Desktop</translation>
    </message>
    <message>
        <source>&amp;Accueil</source>
        <translation>&amp;Home</translation>
    </message>
    <message>
        <source>Revenir à l&apos;accueil</source>
        <translation>Go back to the home page</translation>
    </message>
    <message>
        <source>Leçon &amp;précédente</source>
        <translation>&amp;Previous lesson</translation>
    </message>
    <message>
        <source>Ouvrir la leçon précédente</source>
        <translation>Open the previous lesson</translation>
    </message>
    <message>
        <source>Leçon &amp;suivante</source>
        <translation>&amp;Next lesson</translation>
    </message>
    <message>
        <source>Ouvrir la leçon suivante</source>
        <translation>Open the next lesson</translation>
    </message>
    <message>
        <source>&amp;Rechercher</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Chercher dans tout le cours</source>
        <translation>Search the whole course</translation>
    </message>
    <message>
        <source>Mes &amp;favoris</source>
        <translation>My &amp;bookmarks</translation>
    </message>
    <message>
        <source>Voir les leçons mises en favori</source>
        <translation>See the bookmarked lessons</translation>
    </message>
    <message>
        <source>Marquer comme &amp;terminée</source>
        <translation>Mark as &amp;completed</translation>
    </message>
    <message>
        <source>Marquer la leçon comme terminée, ou non</source>
        <translation>Mark the lesson as completed, or not</translation>
    </message>
    <message>
        <source>Ajouter aux fa&amp;voris</source>
        <translation>&amp;Bookmark</translation>
    </message>
    <message>
        <source>Ajouter ou retirer la leçon des favoris</source>
        <translation>Add the lesson to bookmarks, or remove it</translation>
    </message>
    <message>
        <source>Ouvrir le dossier des journaux techniques</source>
        <translation>Open the technical logs folder</translation>
    </message>
    <message>
        <source>Les journaux techniques aident à comprendre un problème : envoyez ce dossier à votre formateur ou à l&apos;assistance. Ils ne contiennent ni vos textes ni vos mots de passe.</source>
        <translation>Technical logs help understand a problem: send this folder to your trainer or to support. They contain neither your texts nor your passwords.</translation>
    </message>
    <message>
        <source>À &amp;propos de TEAM Desktop</source>
        <translation>&amp;About TEAM Desktop</translation>
    </message>
    <message>
        <source>Version et licences</source>
        <translation>Version and licences</translation>
    </message>
    <message>
        <source>&amp;Notes de co-préparation</source>
        <translation>Co-preparation &amp;notes</translation>
    </message>
    <message>
        <source>Les notes que vous écrivez à plusieurs pour préparer une séance</source>
        <translation>The notes you write together to prepare a session</translation>
    </message>
    <message>
        <source>Nouvelle &amp;note de co-préparation</source>
        <translation>New co-preparation &amp;note</translation>
    </message>
    <message>
        <source>Commencer une note de co-préparation à partir du modèle</source>
        <translation>Start a co-preparation note from the template</translation>
    </message>
    <message>
        <source>Nouveau &amp;plan de séance…</source>
        <translation>New session &amp;plan…</translation>
    </message>
    <message>
        <source>Préparer une séance phase par phase, l&apos;observer, puis la débriefer</source>
        <translation>Plan a session phase by phase, observe it, then debrief it</translation>
    </message>
    <message>
        <source>Plans de &amp;séance</source>
        <translation>&amp;Session plans</translation>
    </message>
    <message>
        <source>Vos plans de séance, leurs observations et leurs débriefings</source>
        <translation>Your session plans, their observations and their debriefs</translation>
    </message>
    <message>
        <source>&amp;Synchroniser maintenant</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>Envoyer vos changements et recevoir ceux de votre groupe</source>
        <translation>Send your changes and receive your group&apos;s</translation>
    </message>
    <message>
        <source>&amp;Compte et serveur…</source>
        <translation>&amp;Account and server…</translation>
    </message>
    <message>
        <source>Se connecter ou créer un compte</source>
        <translation>Log in or create an account</translation>
    </message>
    <message>
        <source>Mes &amp;groupes…</source>
        <translation>My &amp;groups…</translation>
    </message>
    <message>
        <source>Créer ou rejoindre un groupe, voir ses membres</source>
        <translation>Create or join a group, see its members</translation>
    </message>
    <message>
        <source>&amp;Mutualisation</source>
        <translation>&amp;Shared work</translation>
    </message>
    <message>
        <source>Ce que votre groupe partage</source>
        <translation>What your group shares</translation>
    </message>
    <message>
        <source>Synchroniser par &amp;fichier…</source>
        <translation>Sync by &amp;file…</translation>
    </message>
    <message>
        <source>Écrire vos changements dans un fichier (sur une clé USB par exemple), pour qu&apos;un appareil connecté les transmette</source>
        <translation>Write your changes to a file (on a USB stick for example), for a connected device to deliver them</translation>
    </message>
    <message>
        <source>&amp;Transmettre un fichier de synchronisation…</source>
        <translation>&amp;Deliver a sync file…</translation>
    </message>
    <message>
        <source>Envoyer au serveur le fichier d&apos;un appareil sans connexion, et écrire sa réponse à côté</source>
        <translation>Send the file of a device without a connection to the server, and write its answer beside it</translation>
    </message>
    <message>
        <source>&amp;Importer la réponse…</source>
        <translation>&amp;Import the answer…</translation>
    </message>
    <message>
        <source>Recevoir sur cet appareil la réponse à votre fichier de synchronisation</source>
        <translation>Receive on this device the answer to your sync file</translation>
    </message>
    <message>
        <source>Mettre à &amp;jour les modules…</source>
        <translation>&amp;Update the modules…</translation>
    </message>
    <message>
        <source>Télécharger les nouvelles versions des modules proposées par le serveur</source>
        <translation>Download the new versions of modules offered by the server</translation>
    </message>
    <message>
        <source>En &amp;attente d&apos;envoi</source>
        <translation>&amp;Waiting to be sent</translation>
    </message>
    <message>
        <source>Les changements qui n&apos;ont pas encore quitté cet appareil</source>
        <translation>The changes that have not left this device yet</translation>
    </message>
    <message>
        <source>Mes &amp;compétences</source>
        <translation>My &amp;competencies</translation>
    </message>
    <message>
        <source>Vos preuves, les appuis de vos pairs, les validations et vos attestations</source>
        <translation>Your evidence, your peers&apos; endorsements, validations and your attestations</translation>
    </message>
    <message>
        <source>&amp;Journal de bord</source>
        <translation>&amp;Learning journal</translation>
    </message>
    <message>
        <source>Vos entrées de journal, leurs filtres et la corbeille</source>
        <translation>Your journal entries, their filters and the bin</translation>
    </message>
    <message>
        <source>&amp;Nouvelle entrée…</source>
        <translation>&amp;New entry…</translation>
    </message>
    <message>
        <source>Commencer une entrée de journal à partir d&apos;un modèle</source>
        <translation>Start a journal entry from a template</translation>
    </message>
    <message>
        <source>Plan du &amp;cours</source>
        <translation>&amp;Course outline</translation>
    </message>
    <message>
        <source>Aller au plan du cours (flèches pour choisir, Entrée pour ouvrir)</source>
        <translation>Go to the course outline (arrows to choose, Enter to open)</translation>
    </message>
    <message>
        <source>A&amp;grandir le texte</source>
        <translation>&amp;Larger text</translation>
    </message>
    <message>
        <source>Agrandir le texte du cours et des éditeurs</source>
        <translation>Make the text of the course and the editors larger</translation>
    </message>
    <message>
        <source>&amp;Réduire le texte</source>
        <translation>&amp;Smaller text</translation>
    </message>
    <message>
        <source>Réduire le texte du cours et des éditeurs</source>
        <translation>Make the text of the course and the editors smaller</translation>
    </message>
    <message>
        <source>Taille &amp;normale du texte</source>
        <translation>&amp;Normal text size</translation>
    </message>
    <message>
        <source>Revenir à la taille normale du texte</source>
        <translation>Go back to the normal text size</translation>
    </message>
    <message>
        <source>&amp;Préférences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>Langue, thème et taille du texte</source>
        <translation>Language, theme and text size</translation>
    </message>
    <message>
        <source>&amp;Raccourcis clavier</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Tous les raccourcis clavier de TEAM Desktop</source>
        <translation>All of TEAM Desktop&apos;s keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;Participation à la recherche…</source>
        <translation>&amp;Taking part in the research…</translation>
    </message>
    <message>
        <source>Lire l&apos;information sur la recherche, accepter ou refuser</source>
        <translation>Read the information about the research, accept or decline</translation>
    </message>
    <message>
        <source>Mes &amp;données…</source>
        <translation>My &amp;data…</translation>
    </message>
    <message>
        <source>Ce que le serveur conserve, le télécharger, supprimer votre compte</source>
        <translation>What the server keeps, download it, delete your account</translation>
    </message>
    <message>
        <source>&amp;Confidentialité</source>
        <translation>&amp;Privacy</translation>
    </message>
    <message>
        <source>Ce que TEAM Desktop fait de vos données</source>
        <translation>What TEAM Desktop does with your data</translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Aller</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>&amp;Leçon</source>
        <translation>&amp;Lesson</translation>
    </message>
    <message>
        <source>&amp;Co-préparation</source>
        <translation>&amp;Co-preparation</translation>
    </message>
    <message>
        <source>&amp;Recherche participative</source>
        <translation>Participatory &amp;research</translation>
    </message>
    <message>
        <source>&amp;Partage</source>
        <translation>&amp;Sharing</translation>
    </message>
    <message>
        <source>Affic&amp;hage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Ai&amp;de</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>AnnouncementsDialog</name>
    <message>
        <source>Annonces au groupe « {g} »</source>
        <translation>Announcements to the group “{g}”</translation>
    </message>
    <message>
        <source>Annonces publiées</source>
        <translation>Published announcements</translation>
    </message>
    <message>
        <source>Modifier l&apos;annonce choisie</source>
        <translation>Edit the chosen announcement</translation>
    </message>
    <message>
        <source>Retirer l&apos;annonce choisie</source>
        <translation>Withdraw the chosen announcement</translation>
    </message>
    <message>
        <source>Titre de l&apos;annonce</source>
        <translation>Announcement title</translation>
    </message>
    <message>
        <source>Votre message au groupe (il sera lu hors connexion sur la page d&apos;accueil)</source>
        <translation>Your message to the group (read offline on the home page)</translation>
    </message>
    <message>
        <source>Texte de l&apos;annonce</source>
        <translation>Announcement text</translation>
    </message>
    <message>
        <source>Publier</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>Annuler la modification</source>
        <translation>Cancel the correction</translation>
    </message>
    <message>
        <source>Déjà publiées :</source>
        <translation>Already published:</translation>
    </message>
    <message>
        <source>Nouvelle annonce :</source>
        <translation>New announcement:</translation>
    </message>
    <message>
        <source>Annonce publiée : elle partira à la prochaine synchronisation.</source>
        <translation>Announcement published: it leaves at the next sync.</translation>
    </message>
    <message>
        <source>Annonce corrigée : la correction partira à la prochaine synchronisation.</source>
        <translation>Announcement corrected: the correction will be sent at the next sync.</translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord une annonce dans la liste.</source>
        <translation>First choose an announcement in the list.</translation>
    </message>
    <message>
        <source>Publiez ou effacez d&apos;abord ce qui est écrit dans le formulaire.</source>
        <translation>First publish or clear what is written in the form.</translation>
    </message>
    <message>
        <source>Correction de l&apos;annonce :</source>
        <translation>Correcting the announcement:</translation>
    </message>
    <message>
        <source>Enregistrer la correction</source>
        <translation>Save the correction</translation>
    </message>
    <message>
        <source>Annonce retirée du groupe à la prochaine synchronisation.</source>
        <translation>Announcement withdrawn from the group at the next sync.</translation>
    </message>
</context>
<context>
    <name>AnnouncementsPanel</name>
    <message>
        <source>Annonces de l&apos;animation</source>
        <translation>Announcements from the facilitators</translation>
    </message>
    <message numerus="yes">
        <source>(%n nouvelle(s))</source>
        <translation>
            <numerusform>(%n new)</numerusform>
            <numerusform>(%n new)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nouveau</source>
        <translation>New</translation>
    </message>
    <message>
        <source>{g}, le {d}</source>
        <translation>{g}, on {d}</translation>
    </message>
    <message numerus="yes">
        <source>… et %n annonce(s) plus ancienne(s).</source>
        <translation>
            <numerusform>… and %n older announcement.</numerusform>
            <numerusform>… and %n older announcements.</numerusform>
        </translation>
    </message>
    <message>
        <source>Marquer comme lues</source>
        <translation>Mark as read</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Impossible de créer le dossier de données : {e}</source>
        <translation>Cannot create the data folder: {e}</translation>
    </message>
    <message>
        <source>TEAM Desktop est déjà ouvert sur ce dossier de données ({d}). Utilisez la fenêtre existante.</source>
        <translation>TEAM Desktop is already open on this data folder ({d}). Use the window that is open.</translation>
    </message>
</context>
<context>
    <name>AppearanceController</name>
    <message>
        <source>Taille du texte : {p} %</source>
        <translation>Text size: {p}%</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Pièces jointes</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Joindre un fichier…</source>
        <translation>Attach a file…</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Fichier introuvable dans le dossier de données</source>
        <translation>File not found in the data folder</translation>
    </message>
    <message>
        <source>Joindre des fichiers</source>
        <translation>Attach files</translation>
    </message>
</context>
<context>
    <name>BookmarksView</name>
    <message>
        <source>Mes favoris</source>
        <translation>My bookmarks</translation>
    </message>
    <message>
        <source>Leçons en favori</source>
        <translation>Bookmarked lessons</translation>
    </message>
    <message>
        <source>Les leçons que vous avez gardées pour y revenir. Entrée ou double-clic : ouvrir.</source>
        <translation>The lessons you kept to come back to. Enter or double-click: open.</translation>
    </message>
    <message>
        <source>Aucun favori pour l&apos;instant. Dans une leçon, cliquez sur « ☆ Ajouter aux favoris ».</source>
        <translation>No bookmarks yet. In a lesson, click “☆ Bookmark”.</translation>
    </message>
    <message>
        <source>Ouvrir la leçon</source>
        <translation>Open the lesson</translation>
    </message>
    <message>
        <source>Retirer des favoris</source>
        <translation>Remove the bookmark</translation>
    </message>
    <message>
        <source>Semaine {w} · {m}</source>
        <translation>Week {w} · {m}</translation>
    </message>
    <message>
        <source>✔ terminée</source>
        <translation>✔ completed</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <source>Commenter</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Votre commentaire</source>
        <translation>Your comment</translation>
    </message>
    <message>
        <source>Votre commentaire (visible par le groupe) :</source>
        <translation>Your comment (visible to the group):</translation>
    </message>
    <message>
        <source>Écrivez votre commentaire avant de l&apos;envoyer.</source>
        <translation>Write your comment before sending it.</translation>
    </message>
</context>
<context>
    <name>CompetenciesController</name>
    <message>
        <source>Impossible</source>
        <translation>Not possible</translation>
    </message>
    <message>
        <source>Rien à lier</source>
        <translation>Nothing to link</translation>
    </message>
    <message>
        <source>Écrivez d&apos;abord une entrée de journal, une note ou un plan de séance.</source>
        <translation>First write a journal entry, a note or a session plan.</translation>
    </message>
    <message>
        <source>Privée (moi seul·e)</source>
        <translation>Private (only me)</translation>
    </message>
    <message>
        <source>Partager la preuve</source>
        <translation>Share the evidence</translation>
    </message>
    <message>
        <source>Qui peut la voir ?</source>
        <translation>Who can see it?</translation>
    </message>
    <message>
        <source>Appuyer la preuve</source>
        <translation>Endorse the evidence</translation>
    </message>
    <message>
        <source>Ce que vous avez observé (« J&apos;ai observé… ») :</source>
        <translation>What you observed (“I observed…”):</translation>
    </message>
    <message>
        <source>J&apos;ai observé </source>
        <translation>I observed </translation>
    </message>
    <message>
        <source>Valider la compétence</source>
        <translation>Validate the competency</translation>
    </message>
    <message>
        <source>Valider cette compétence pour {name} ? Un commentaire (facultatif) :</source>
        <translation>Validate this competency for {name}? A comment (optional):</translation>
    </message>
    <message>
        <source>Connexion nécessaire</source>
        <translation>Connection needed</translation>
    </message>
    <message>
        <source>Connectez-vous d&apos;abord (Partage › Compte et serveur).</source>
        <translation>Log in first (Sharing › Account and server).</translation>
    </message>
    <message>
        <source>Attestation non obtenue</source>
        <translation>Attestation not obtained</translation>
    </message>
    <message>
        <source>Demander l&apos;attestation</source>
        <translation>Ask for the attestation</translation>
    </message>
    <message>
        <source>Faire figurer vos {n} preuve(s) (titre et phrase) dans l&apos;attestation ? Toute personne à qui vous la montrerez les lira.</source>
        <translation>Include your {n} piece(s) of evidence (title and sentence) in the attestation? Anyone you show it to will read them.</translation>
    </message>
    <message>
        <source>Attestation d&apos;un module</source>
        <translation>Attestation of a module</translation>
    </message>
    <message>
        <source>Module terminé :</source>
        <translation>Completed module:</translation>
    </message>
    <message>
        <source>Attestations du groupe</source>
        <translation>The group&apos;s attestations</translation>
    </message>
    <message>
        <source>Groupe :</source>
        <translation>Group:</translation>
    </message>
    <message>
        <source>Exporter l&apos;attestation</source>
        <translation>Export the attestation</translation>
    </message>
    <message>
        <source>Attestation signée (*.jwt)</source>
        <translation>Signed attestation (*.jwt)</translation>
    </message>
    <message>
        <source>Imprimer l&apos;attestation</source>
        <translation>Print the attestation</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Fichier non écrit</source>
        <translation>File not written</translation>
    </message>
    <message>
        <source>Enregistré : {p}</source>
        <translation>Saved: {p}</translation>
    </message>
</context>
<context>
    <name>CompetenciesView</name>
    <message>
        <source>Mes compétences</source>
        <translation>My competencies</translation>
    </message>
    <message>
        <source>Rattachez à chaque compétence des preuves tirées de votre pratique (entrées du journal, notes, plans de séance) : elles restent privées tant que vous ne les partagez pas. Vos pairs peuvent les appuyer, l&apos;animation du groupe les valider.</source>
        <translation>Link to each competency evidence from your practice (journal entries, notes, session plans): it stays private until you share it. Your peers can endorse it, the group&apos;s facilitator can validate it.</translation>
    </message>
    <message>
        <source>Preuves de mes pairs</source>
        <translation>My peers&apos; evidence</translation>
    </message>
    <message>
        <source>Mes attestations</source>
        <translation>My attestations</translation>
    </message>
</context>
<context>
    <name>CompetencyPanes</name>
    <message>
        <source>partagée avec {g}</source>
        <translation>shared with {g}</translation>
    </message>
    <message>
        <source>privée</source>
        <translation>private</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Participer à la recherche ?</source>
        <translation>Take part in the research?</translation>
    </message>
    <message>
        <source>Information sur la recherche</source>
        <translation>Information about the research</translation>
    </message>
    <message>
        <source>Je participe à la recherche</source>
        <translation>I take part in the research</translation>
    </message>
    <message>
        <source>Je ne participe pas</source>
        <translation>I do not take part</translation>
    </message>
    <message>
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Rien n&apos;est transmis ; la question sera posée au prochain démarrage.</source>
        <translation>Nothing is sent; you will be asked again at the next start.</translation>
    </message>
    <message>
        <source>Vous n&apos;avez pas encore choisi : rien n&apos;est transmis à la recherche.</source>
        <translation>You have not chosen yet: nothing is sent to the research.</translation>
    </message>
    <message>
        <source>Ce texte a changé depuis votre dernier choix ({d}) : merci de le relire et de choisir à nouveau.</source>
        <translation>This text has changed since your last choice ({d}): please read it again and choose again.</translation>
    </message>
    <message>
        <source>Vous participez à la recherche depuis le {d}.</source>
        <translation>You have been taking part in the research since {d}.</translation>
    </message>
    <message>
        <source>Vous ne participez pas à la recherche (choix du {d}).</source>
        <translation>You do not take part in the research (chosen on {d}).</translation>
    </message>
</context>
<context>
    <name>CourseNavigator</name>
    <message>
        <source>Plan du cours</source>
        <translation>Course outline</translation>
    </message>
    <message>
        <source>Semaine {n}</source>
        <translation>Week {n}</translation>
    </message>
    <message>
        <source>Progression du module {m}</source>
        <translation>Progress in module {m}</translation>
    </message>
    <message>
        <source>{t}, terminée</source>
        <translation>{t}, completed</translation>
    </message>
    <message>
        <source>{t} ({n} min)</source>
        <translation>{t} ({n} min)</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Erreur inattendue</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Une erreur inattendue s&apos;est produite. Ce qui était enregistré est intact ; vous pouvez continuer. Si cela se reproduit, envoyez le dossier des journaux techniques (Aide › Ouvrir le dossier des journaux techniques) à votre formateur.</source>
        <translation>An unexpected error occurred. What was saved is intact; you can carry on. If it happens again, send the technical logs folder (Help › Open the technical logs folder) to your trainer.</translation>
    </message>
</context>
<context>
    <name>DataController</name>
    <message>
        <source>Dossier où créer l&apos;export</source>
        <translation>Folder in which to create the export</translation>
    </message>
    <message>
        <source>Exporter vers</source>
        <translation>Export to</translation>
    </message>
    <message>
        <source>Mes notes</source>
        <translation>My notes</translation>
    </message>
    <message>
        <source>Mon journal de formation</source>
        <translation>My learning journal</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) exportée(s) dans :
{p}</source>
        <translation>
            <numerusform>%n note exported to:
{p}</numerusform>
            <numerusform>%n notes exported to:
{p}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entrée(s) exportée(s) dans :
{p}</source>
        <translation>
            <numerusform>%n entry exported to:
{p}</numerusform>
            <numerusform>%n entries exported to:
{p}</numerusform>
        </translation>
    </message>
    <message>
        <source>Pièces jointes introuvables : {f}</source>
        <translation>Attachments not found: {f}</translation>
    </message>
    <message>
        <source>Export terminé.</source>
        <translation>Export finished.</translation>
    </message>
    <message>
        <source>Export terminé</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>Export non fait</source>
        <translation>Export not done</translation>
    </message>
    <message>
        <source>Export annulé : rien n&apos;a été écrit.</source>
        <translation>Export cancelled: nothing was written.</translation>
    </message>
    <message>
        <source>Export vers {f}…</source>
        <translation>Exporting to {f}…</translation>
    </message>
    <message>
        <source>Sauvegarder mes données</source>
        <translation>Back up my data</translation>
    </message>
    <message>
        <source>Sauvegardes TEAM (*.teambackup)</source>
        <translation>TEAM backups (*.teambackup)</translation>
    </message>
    <message>
        <source>Sauvegarde écrite ({s}) : {e}, {n}, {a}.
{p}

Gardez-en une copie ailleurs (clé USB, autre disque).</source>
        <translation>Backup written ({s}): {e}, {n}, {a}.
{p}

Keep a copy somewhere else (USB stick, another disk).</translation>
    </message>
    <message numerus="yes">
        <source>%n pièce(s) jointe(s)</source>
        <translation>
            <numerusform>%n attachment</numerusform>
            <numerusform>%n attachments</numerusform>
        </translation>
    </message>
    <message>
        <source>Sauvegarde terminée</source>
        <translation>Backup finished</translation>
    </message>
    <message>
        <source>Sauvegarde non faite</source>
        <translation>Backup not done</translation>
    </message>
    <message>
        <source>Sauvegarde annulée : aucun fichier n&apos;a été écrit.</source>
        <translation>Backup cancelled: no file was written.</translation>
    </message>
    <message>
        <source>Sauvegarde…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Restauration refusée</source>
        <translation>Restore refused</translation>
    </message>
    <message>
        <source>Vérification annulée : rien n&apos;a changé.</source>
        <translation>Check cancelled: nothing has changed.</translation>
    </message>
    <message>
        <source>Vérification de la sauvegarde…</source>
        <translation>Checking the backup…</translation>
    </message>
    <message>
        <source>Restauration prête</source>
        <translation>Restore ready</translation>
    </message>
    <message>
        <source>La sauvegarde du {d} est complète et intacte ({e}, {n}).

Elle remplacera vos données au prochain démarrage de TEAM Desktop. Rien n&apos;est effacé : vos données actuelles seront gardées dans le dossier « backups » de vos données (avant-restauration-…).

Quittez maintenant, puis relancez TEAM Desktop pour terminer.</source>
        <translation>The backup of {d} is complete and intact ({e}, {n}).

It will replace your data the next time TEAM Desktop starts. Nothing is deleted: your current data will be kept in the “backups” folder of your data (avant-restauration-…).

Quit now, then start TEAM Desktop again to finish.</translation>
    </message>
    <message>
        <source>Quitter maintenant</source>
        <translation>Quit now</translation>
    </message>
    <message>
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Ne pas restaurer</source>
        <translation>Do not restore</translation>
    </message>
    <message>
        <source>Restauration annulée.</source>
        <translation>Restore cancelled.</translation>
    </message>
    <message>
        <source>La sauvegarde du {d} a été restaurée.</source>
        <translation>The backup of {d} has been restored.</translation>
    </message>
    <message>
        <source>Vos données d&apos;avant sont gardées dans :
{p}</source>
        <translation>Your previous data is kept in:
{p}</translation>
    </message>
    <message>
        <source>Restauration terminée</source>
        <translation>Restore finished</translation>
    </message>
    <message numerus="yes">
        <source>%n entrée(s)</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être lu ou écrit ({e}). Vos données n&apos;ont pas changé.</source>
        <translation>The file could not be read or written ({e}). Your data has not changed.</translation>
    </message>
</context>
<context>
    <name>DebriefView</name>
    <message>
        <source>Observation à débriefer</source>
        <translation>Observation to debrief</translation>
    </message>
    <message>
        <source>Aucune observation pour ce plan : passez en mode Observer pendant la séance.</source>
        <translation>No observation for this plan yet: switch to Observe during the session.</translation>
    </message>
    <message>
        <source>Temps prévu et temps réel</source>
        <translation>Planned and actual time</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Prévu</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Réel</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>Écart</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Déroulé de la séance</source>
        <translation>How the session went</translation>
    </message>
    <message>
        <source>Rédiger le débriefing dans les notes du plan</source>
        <translation>Write the debrief in the plan&apos;s notes</translation>
    </message>
    <message>
        <source>Rédiger le débriefing dans mon journal</source>
        <translation>Write the debrief in my journal</translation>
    </message>
    <message>
        <source>Observation :</source>
        <translation>Observation:</translation>
    </message>
    <message>
        <source>{name}, {moment} ({n} observations)</source>
        <translation>{name}, {moment} ({n} observations)</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>{sign}{m} min</source>
        <translation>{sign}{m} min</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>Titre de l&apos;entrée</source>
        <translation>Title of the entry</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>État de l&apos;enregistrement</source>
        <translation>Saving status</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>étiquettes, séparées par des virgules</source>
        <translation>tags, separated by commas</translation>
    </message>
    <message>
        <source>Étiquettes</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Visibilité</source>
        <translation>Visibility</translation>
    </message>
    <message>
        <source>Aperçu</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Historique…</source>
        <translation>History…</translation>
    </message>
    <message>
        <source>Corbeille</source>
        <translation>Bin</translation>
    </message>
    <message>
        <source>Mettre l&apos;entrée à la corbeille (elle pourra y être restaurée)</source>
        <translation>Move the entry to the bin (it can be restored from there)</translation>
    </message>
    <message>
        <source>Pièce jointe</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Texte de l&apos;entrée</source>
        <translation>Entry text</translation>
    </message>
    <message>
        <source>Afficher ou masquer l&apos;aperçu (tel que le groupe et l&apos;export le verront)</source>
        <translation>Show or hide the preview (as the group and the export will see it)</translation>
    </message>
    <message>
        <source>Écrivez ici. La barre au-dessus met en forme : titres, gras, listes…</source>
        <translation>Write here. The bar above formats: headings, bold, lists…</translation>
    </message>
    <message>
        <source>Dans la corbeille</source>
        <translation>In the bin</translation>
    </message>
    <message>
        <source>Enregistré</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Liée à une leçon qui n&apos;est plus installée.</source>
        <translation>Linked to a lesson that is no longer installed.</translation>
    </message>
    <message>
        <source>Répond à « {a} » — {l}</source>
        <translation>Answers “{a}” — {l}</translation>
    </message>
    <message>
        <source>Liée à la leçon « {l} »</source>
        <translation>Linked to the lesson “{l}”</translation>
    </message>
    <message>
        <source>Modifié…</source>
        <translation>Changed…</translation>
    </message>
    <message>
        <source>Version gardée dans l&apos;historique</source>
        <translation>Version kept in the history</translation>
    </message>
    <message>
        <source>Cette entrée a aussi été modifiée sur un autre appareil pendant que vous écriviez. Votre texte est ici ; l&apos;autre version est gardée dans une entrée à part. Comparez-les, puis mettez à la corbeille celle dont vous n&apos;avez plus besoin.</source>
        <translation>This entry was also changed on another device while you were writing. Your text is here; the other version is kept in a separate entry. Compare them, then move the one you no longer need to the bin.</translation>
    </message>
    <message>
        <source>Ouvrir l&apos;autre version</source>
        <translation>Open the other version</translation>
    </message>
    <message>
        <source>⚠ Non enregistré</source>
        <translation>⚠ Not saved</translation>
    </message>
    <message>
        <source>Entrée non enregistrée</source>
        <translation>Entry not saved</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Exporter</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Mon journal de formation</source>
        <translation>My learning journal</translation>
    </message>
    <message>
        <source>Mes notes de co-préparation</source>
        <translation>My co-preparation notes</translation>
    </message>
    <message>
        <source>Toutes les entrées</source>
        <translation>All entries</translation>
    </message>
    <message>
        <source>Entrées à exporter</source>
        <translation>Entries to export</translation>
    </message>
    <message>
        <source>Ajouter les entrées que mes groupes m&apos;ont partagées (au nom de leur auteur)</source>
        <translation>Add the entries my groups shared with me (under their author&apos;s name)</translation>
    </message>
    <message>
        <source>Prénom Nom</source>
        <translation>First name Last name</translation>
    </message>
    <message>
        <source>Votre nom dans le fichier Leap2A</source>
        <translation>Your name in the Leap2A file</translation>
    </message>
    <message>
        <source>Mahara en fait le prénom et le nom du compte qui importe le fichier.</source>
        <translation>Mahara makes it the first and last name of the account that imports the file.</translation>
    </message>
    <message>
        <source>Dossier Markdown — des fichiers texte, avec les pièces jointes</source>
        <translation>Markdown folder — text files, with the attachments</translation>
    </message>
    <message>
        <source>Page HTML — un seul fichier, lisible hors ligne et imprimable</source>
        <translation>HTML page — a single file, readable offline and printable</translation>
    </message>
    <message>
        <source>PDF — pour imprimer ou envoyer</source>
        <translation>PDF — to print or send</translation>
    </message>
    <message>
        <source>Leap2A — pour importer dans un ePortfolio (Mahara…)</source>
        <translation>Leap2A — to import into an ePortfolio (Mahara…)</translation>
    </message>
    <message>
        <source>Choisir où exporter…</source>
        <translation>Choose where to export…</translation>
    </message>
    <message>
        <source>Quoi :</source>
        <translation>What:</translation>
    </message>
    <message>
        <source>Entrées :</source>
        <translation>Entries:</translation>
    </message>
    <message>
        <source>Format :</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Votre nom (Leap2A) :</source>
        <translation>Your name (Leap2A):</translation>
    </message>
    <message>
        <source>Vos données ne quittent pas cet ordinateur : le fichier est écrit là où vous le choisirez.</source>
        <translation>Your data does not leave this computer: the file is written where you choose.</translation>
    </message>
</context>
<context>
    <name>FacilitatorTools</name>
    <message>
        <source>Saison et calendrier…</source>
        <translation>Season and calendar…</translation>
    </message>
    <message>
        <source>Annonces au groupe…</source>
        <translation>Announcements to the group…</translation>
    </message>
    <message>
        <source>Progression du groupe…</source>
        <translation>Group progress…</translation>
    </message>
    <message>
        <source>Retirer du groupe</source>
        <translation>Remove from the group</translation>
    </message>
    <message>
        <source>Retire la personne choisie dans la liste des membres</source>
        <translation>Removes the person chosen in the member list</translation>
    </message>
    <message>
        <source>Nouveau code d&apos;invitation</source>
        <translation>New invite code</translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord, dans la liste des membres, la personne à retirer.</source>
        <translation>First choose, in the member list, the person to remove.</translation>
    </message>
    <message>
        <source>Retirer {n} du groupe « {g} » ? Ses appareils n&apos;y auront plus accès. Pour qu&apos;elle ou il ne puisse pas revenir avec l&apos;ancien code, donnez ensuite au groupe un nouveau code d&apos;invitation.</source>
        <translation>Remove {n} from the group “{g}”? Their devices will no longer have access. So that they cannot come back with the old code, then give the group a new invite code.</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>{n} ne fait plus partie du groupe.</source>
        <translation>{n} is no longer in the group.</translation>
    </message>
    <message>
        <source>Donner au groupe « {g} » un nouveau code ? L&apos;ancien ne permettra plus à personne de le rejoindre ; les membres actuels restent.</source>
        <translation>Give the group “{g}” a new code? The old one will let nobody join any more; current members stay.</translation>
    </message>
    <message>
        <source>Changer le code</source>
        <translation>Change the code</translation>
    </message>
    <message>
        <source>Nouveau code d&apos;invitation : {c}. L&apos;ancien ne fonctionne plus.</source>
        <translation>New invite code: {c}. The old one no longer works.</translation>
    </message>
</context>
<context>
    <name>FeedView</name>
    <message>
        <source>Mutualisation : ce que votre groupe partage</source>
        <translation>Shared work: what your group shares</translation>
    </message>
    <message>
        <source>Commentaire non ajouté</source>
        <translation>Comment not added</translation>
    </message>
    <message>
        <source>Fichier pas encore reçu</source>
        <translation>File not received yet</translation>
    </message>
    <message>
        <source>Ce fichier arrivera à la prochaine synchronisation ; le texte, lui, est déjà là.</source>
        <translation>This file will arrive at the next sync; the text is already here.</translation>
    </message>
</context>
<context>
    <name>FormatBar</name>
    <message>
        <source>Mise en forme</source>
        <translation>Formatting</translation>
    </message>
    <message>
        <source>Texte normal</source>
        <translation>Normal text</translation>
    </message>
    <message>
        <source>Titre 1</source>
        <translation>Heading 1</translation>
    </message>
    <message>
        <source>Titre 2</source>
        <translation>Heading 2</translation>
    </message>
    <message>
        <source>Titre 3</source>
        <translation>Heading 3</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>Transformer la ligne en titre</source>
        <translation>Make the line a heading</translation>
    </message>
    <message>
        <source>G</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Gras</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Italique</source>
        <translation>Italic</translation>
    </message>
    <message>
        <source>• Liste</source>
        <translation>• List</translation>
    </message>
    <message>
        <source>Liste à puces</source>
        <translation>Bulleted list</translation>
    </message>
    <message>
        <source>1. Liste</source>
        <translation>1. List</translation>
    </message>
    <message>
        <source>Liste numérotée</source>
        <translation>Numbered list</translation>
    </message>
    <message>
        <source>« Citation</source>
        <translation>“ Quote</translation>
    </message>
    <message>
        <source>Citation</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Lien</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Tableau</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Insérer un petit tableau</source>
        <translation>Insert a small table</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Afficher le texte source en Markdown, sans mise en forme</source>
        <translation>Show the Markdown source text, without formatting</translation>
    </message>
    <message>
        <source>{tip} ({keys})</source>
        <translation>{tip} ({keys})</translation>
    </message>
</context>
<context>
    <name>GroupAttestationsDialog</name>
    <message>
        <source>Attestations du groupe « {g} »</source>
        <translation>Attestations of the group “{g}”</translation>
    </message>
    <message>
        <source>Attestations des membres</source>
        <translation>The members&apos; attestations</translation>
    </message>
    <message>
        <source>Révoquer l&apos;attestation…</source>
        <translation>Revoke the attestation…</translation>
    </message>
    <message>
        <source>Connectez-vous d&apos;abord (Partage › Compte et serveur).</source>
        <translation>Log in first (Sharing › Account and server).</translation>
    </message>
    <message>
        <source>Connexion au serveur…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>révoquée</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>valide</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>Aucune attestation délivrée dans ce groupe.</source>
        <translation>No attestation issued in this group.</translation>
    </message>
    <message>
        <source>Révoquer l&apos;attestation</source>
        <translation>Revoke the attestation</translation>
    </message>
    <message>
        <source>Révoquer l&apos;attestation de {h} ? Toute personne qui la vérifiera en ligne la verra révoquée. Cela ne peut pas être annulé.</source>
        <translation>Revoke {h}&apos;s attestation? Anyone who verifies it online will see it revoked. This cannot be undone.</translation>
    </message>
    <message>
        <source>Erreur inattendue : {e}</source>
        <translation>Unexpected error: {e}</translation>
    </message>
</context>
<context>
    <name>GroupProgressDialog</name>
    <message>
        <source>Progression du groupe « {g} »</source>
        <translation>Progress of the group “{g}”</translation>
    </message>
    <message>
        <source>Demande au serveur…</source>
        <translation>Asking the server…</translation>
    </message>
    <message>
        <source>Progression par participant·e et par module</source>
        <translation>Progress per participant and per module</translation>
    </message>
    <message>
        <source>Participant·e</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Leçons</source>
        <translation>Lessons</translation>
    </message>
    <message>
        <source>Activités</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>Partagés</source>
        <translation>Shared</translation>
    </message>
    <message>
        <source>Leçons terminées</source>
        <translation>Lessons done</translation>
    </message>
    <message>
        <source>Semaine {w}</source>
        <translation>Week {w}</translation>
    </message>
    <message>
        <source>Activités faites (quiz, réflexions, notes)</source>
        <translation>Activities done (quizzes, reflections, notes)</translation>
    </message>
    <message>
        <source>Éléments partagés avec le groupe</source>
        <translation>Items shared with the group</translation>
    </message>
    <message>
        <source>{t} — charge déclarée : {h} h</source>
        <translation>{t} — declared workload: {h} h</translation>
    </message>
    <message>
        <source>Exporter en CSV…</source>
        <translation>Export as CSV…</translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Chaque cellule de module donne les leçons terminées et les heures réalisées (charge déclarée du module × part des leçons terminées). Seules les personnes qui l&apos;ont accepté montrent leur progression.</source>
        <translation>Each module cell gives the lessons done and the hours completed (the module&apos;s declared workload × the share of lessons done). Only people who agreed show their progress.</translation>
    </message>
    <message>
        <source>Hors connexion : connectez-vous (Partage › Compte et serveur) pour l&apos;actualiser.</source>
        <translation>Offline: sign in (Sharing › Account and server) to refresh it.</translation>
    </message>
    <message>
        <source>Connectez-vous d&apos;abord (Partage › Compte et serveur).</source>
        <translation>Log in first (Sharing › Account and server).</translation>
    </message>
    <message>
        <source>n&apos;a pas partagé sa progression</source>
        <translation>has not shared their progress</translation>
    </message>
    <message>
        <source>{d}/{n} · {h} h</source>
        <translation>{d}/{n} · {h} h</translation>
    </message>
    <message>
        <source>Actualisation…</source>
        <translation>Refreshing…</translation>
    </message>
    <message>
        <source>{n} participant·e(s) ; {s} montre(nt) sa progression.</source>
        <translation>{n} participant(s); {s} show(s) their progress.</translation>
    </message>
    <message>
        <source>{u} réponse(s) illisible(s) laissée(s) de côté.</source>
        <translation>{u} unreadable answer(s) left out.</translation>
    </message>
    <message>
        <source>Progression reçue le {d}.</source>
        <translation>Progress received on {d}.</translation>
    </message>
    <message>
        <source>Ensemble du groupe</source>
        <translation>Whole group</translation>
    </message>
    <message>
        <source>✔ {f} terminé · ▶ {s}</source>
        <translation>✔ {f} finished · ▶ {s}</translation>
    </message>
    <message>
        <source>Parmi les {n} personnes qui montrent leur progression : {f} ont terminé ce module, {s} l&apos;ont commencé.</source>
        <translation>Of the {n} people who show their progress: {f} finished this module, {s} started it.</translation>
    </message>
    <message>
        <source>La progression n&apos;a pas pu être obtenue : {e}</source>
        <translation>The progress could not be obtained: {e}</translation>
    </message>
    <message>
        <source>Erreur inattendue : {e}</source>
        <translation>Unexpected error: {e}</translation>
    </message>
    <message>
        <source>Exporter la progression</source>
        <translation>Export the progress</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être écrit : {e}</source>
        <translation>The file could not be written: {e}</translation>
    </message>
    <message>
        <source>Progression exportée</source>
        <translation>Progress exported</translation>
    </message>
    <message>
        <source>La progression du groupe est enregistrée dans {p}.</source>
        <translation>The group&apos;s progress is saved in {p}.</translation>
    </message>
</context>
<context>
    <name>GroupsDialog</name>
    <message>
        <source>animateur·rice</source>
        <translation>facilitator</translation>
    </message>
    <message>
        <source>membre</source>
        <translation>member</translation>
    </message>
    <message>
        <source>Mes groupes</source>
        <translation>My groups</translation>
    </message>
    <message>
        <source>Membres du groupe</source>
        <translation>Members of the group</translation>
    </message>
    <message>
        <source>Nom du nouveau groupe</source>
        <translation>Name of the new group</translation>
    </message>
    <message>
        <source>Créer</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Code d&apos;invitation (8 caractères)</source>
        <translation>Invitation code (8 characters)</translation>
    </message>
    <message>
        <source>Code d&apos;invitation du groupe à rejoindre</source>
        <translation>Invitation code of the group to join</translation>
    </message>
    <message>
        <source>Rejoindre</source>
        <translation>Join</translation>
    </message>
    <message>
        <source>Montrer ma progression à l&apos;animation de ce groupe</source>
        <translation>Show my progress to this group&apos;s facilitators</translation>
    </message>
    <message>
        <source>Oui, montrer ma progression</source>
        <translation>Yes, show my progress</translation>
    </message>
    <message>
        <source>Non merci</source>
        <translation>No thanks</translation>
    </message>
    <message>
        <source>Membres :</source>
        <translation>Members:</translation>
    </message>
    <message>
        <source>Vous n&apos;êtes dans aucun groupe pour l&apos;instant.</source>
        <translation>You are not in any group yet.</translation>
    </message>
    <message>
        <source>Code d&apos;invitation à transmettre : {c}</source>
        <translation>Invitation code to pass on: {c}</translation>
    </message>
    <message>
        <source>Voulez-vous montrer votre progression à l&apos;animateur ou l&apos;animatrice de « {g} » ? Ce qui est montré : {w}. Vous pourrez changer d&apos;avis à tout moment ici. Sans votre accord, l&apos;animation voit seulement que vous n&apos;avez pas partagé votre progression.</source>
        <translation>Do you want to show your progress to the facilitator of “{g}”? What is shown: {w}. You can change your mind here at any time. Without your agreement, the facilitators only see that you have not shared your progress.</translation>
    </message>
    <message>
        <source>Votre progression sera montrée à l&apos;animation du groupe.</source>
        <translation>Your progress will be shown to the group&apos;s facilitators.</translation>
    </message>
    <message>
        <source>Votre progression ne sera pas montrée à l&apos;animation du groupe.</source>
        <translation>Your progress will not be shown to the group&apos;s facilitators.</translation>
    </message>
    <message>
        <source>Groupe « {n} » créé. Code d&apos;invitation : {c}</source>
        <translation>Group “{n}” created. Invitation code: {c}</translation>
    </message>
    <message>
        <source>Vous avez rejoint « {n} ».</source>
        <translation>You have joined “{n}”.</translation>
    </message>
    <message>
        <source>Connectez-vous d&apos;abord (Partage › Compte et serveur).</source>
        <translation>Log in first (Sharing › Account and server).</translation>
    </message>
    <message>
        <source>Erreur inattendue : {e}</source>
        <translation>Unexpected error: {e}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Historique de l&apos;entrée</source>
        <translation>History of the entry</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>Aperçu de la version</source>
        <translation>Preview of the version</translation>
    </message>
    <message>
        <source>Une version est gardée toutes les cinq minutes d&apos;écriture. Restaurer une version garde d&apos;abord le texte actuel dans l&apos;historique : rien n&apos;est perdu.</source>
        <translation>A version is kept every five minutes of writing. Restoring a version first keeps the current text in the history: nothing is lost.</translation>
    </message>
    <message>
        <source>Restaurer cette version</source>
        <translation>Restore this version</translation>
    </message>
    <message>
        <source>Garder le texte actuel comme version</source>
        <translation>Keep the current text as a version</translation>
    </message>
    <message>
        <source>Sans titre</source>
        <translation>Untitled</translation>
    </message>
    <message numerus="yes">
        <source>%n caractère(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>Pas encore de version antérieure : elles apparaissent au fil de l’écriture.</source>
        <translation>No earlier version yet: they appear as you write.</translation>
    </message>
    <message>
        <source>Version non restaurée</source>
        <translation>Version not restored</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>{h} h {m}</source>
        <translation>{h} h {m}</translation>
    </message>
    <message>
        <source>Accueil</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Bienvenue dans le MOOC TEAM</source>
        <translation>Welcome to the TEAM MOOC</translation>
    </message>
    <message>
        <source>Travaillons Ensemble à la Mutualisation de nos pratiques d&apos;enseignement et de formation : cinq semaines pour co-intervenir, coopérer, analyser sa pratique et apprendre entre pairs. Tout fonctionne sans connexion.</source>
        <translation>Working Together to Share our teaching and training practices: five weeks to teach together, cooperate, analyse your practice and learn from peers. Everything works without a connection.</translation>
    </message>
    <message>
        <source>Le contenu du cours est en français.</source>
        <translation>The course content is in French.</translation>
    </message>
    <message numerus="yes">
        <source>%n leçon(s) terminée(s) sur {total} · temps passé : {time}</source>
        <translation>
            <numerusform>%n lesson completed out of {total} · time spent: {time}</numerusform>
            <numerusform>%n lessons completed out of {total} · time spent: {time}</numerusform>
        </translation>
    </message>
    <message>
        <source>Reprendre : {t}</source>
        <translation>Resume: {t}</translation>
    </message>
    <message>
        <source>Commencer le cours</source>
        <translation>Start the course</translation>
    </message>
    <message>
        <source>Aucun module n&apos;est installé. Importez un pack (Fichier › Importer un pack…).</source>
        <translation>No module is installed. Import a pack (File › Import a pack…).</translation>
    </message>
</context>
<context>
    <name>JournalController</name>
    <message>
        <source>Cette entrée n&apos;existe plus.</source>
        <translation>This entry no longer exists.</translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message>
        <source>Journal de bord</source>
        <translation>Learning journal</translation>
    </message>
    <message>
        <source>+ Nouvelle entrée</source>
        <translation>+ New entry</translation>
    </message>
    <message>
        <source>Chercher dans mes entrées</source>
        <translation>Search my entries</translation>
    </message>
    <message>
        <source>Mois</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Étiquette</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Entrées du journal</source>
        <translation>Journal entries</translation>
    </message>
    <message>
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Vider la corbeille…</source>
        <translation>Empty the bin…</translation>
    </message>
    <message>
        <source>Choisissez une entrée dans la liste, ou commencez-en une nouvelle (Ctrl+N).

Dans une leçon, « Répondre dans mon journal de bord » ouvre une entrée avec la consigne déjà recopiée.</source>
        <translation>Choose an entry in the list, or start a new one (Ctrl+N).

In a lesson, “Answer in my learning journal” opens an entry with the prompt already copied in.</translation>
    </message>
    <message>
        <source>Corbeille ({n})</source>
        <translation>Bin ({n})</translation>
    </message>
    <message>
        <source>La corbeille est vide.</source>
        <translation>The bin is empty.</translation>
    </message>
    <message>
        <source>Aucune entrée ne correspond à ces critères.</source>
        <translation>No entry matches these filters.</translation>
    </message>
    <message>
        <source>Votre journal est vide. Commencez une entrée : « + Nouvelle entrée ».</source>
        <translation>Your journal is empty. Start an entry: “+ New entry”.</translation>
    </message>
    <message>
        <source>partagée</source>
        <translation>shared</translation>
    </message>
    <message>
        <source>cet appareil</source>
        <translation>this device</translation>
    </message>
    <message numerus="yes">
        <source>%n pièce(s) jointe(s)</source>
        <translation>
            <numerusform>%n attachment</numerusform>
            <numerusform>%n attachments</numerusform>
        </translation>
    </message>
    <message>
        <source>Sans titre</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>Tous les mois</source>
        <translation>All months</translation>
    </message>
    <message>
        <source>Tous les modules</source>
        <translation>All modules</translation>
    </message>
    <message>
        <source>Sans leçon</source>
        <translation>No lesson</translation>
    </message>
    <message>
        <source>Étiquettes</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Entrée non créée</source>
        <translation>Entry not created</translation>
    </message>
    <message>
        <source>Entrée non déplacée</source>
        <translation>Entry not moved</translation>
    </message>
    <message>
        <source>Entrée placée dans la corbeille : vous pouvez l&apos;y restaurer.</source>
        <translation>Entry moved to the bin: you can restore it from there.</translation>
    </message>
    <message>
        <source>Entrée non restaurée</source>
        <translation>Entry not restored</translation>
    </message>
    <message>
        <source>Vider la corbeille</source>
        <translation>Empty the bin</translation>
    </message>
    <message numerus="yes">
        <source>Supprimer définitivement %n entrée(s) de la corbeille ? Leur texte, leur historique et leurs pièces jointes seront effacés.</source>
        <translation>
            <numerusform>Delete %n entry from the bin for good? Its text, its history and its attachments will be erased.</numerusform>
            <numerusform>Delete %n entries from the bin for good? Their text, their history and their attachments will be erased.</numerusform>
        </translation>
    </message>
    <message>
        <source>Supprimer définitivement</source>
        <translation>Delete for good</translation>
    </message>
    <message>
        <source>Corbeille non vidée</source>
        <translation>Bin not emptied</translation>
    </message>
</context>
<context>
    <name>LessonView</name>
    <message>
        <source>◀ Précédente</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>Leçon précédente</source>
        <translation>Previous lesson</translation>
    </message>
    <message>
        <source>Suivante ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>Leçon suivante</source>
        <translation>Next lesson</translation>
    </message>
    <message>
        <source>Texte de la leçon</source>
        <translation>Text of the lesson</translation>
    </message>
    <message>
        <source>✔ Terminée</source>
        <translation>✔ Completed</translation>
    </message>
    <message>
        <source>Marquer comme terminée</source>
        <translation>Mark as completed</translation>
    </message>
    <message>
        <source>Leçon terminée</source>
        <translation>Lesson completed</translation>
    </message>
    <message>
        <source>★ Dans mes favoris</source>
        <translation>★ Bookmarked</translation>
    </message>
    <message>
        <source>☆ Ajouter aux favoris</source>
        <translation>☆ Bookmark</translation>
    </message>
    <message>
        <source>Leçon dans mes favoris</source>
        <translation>Lesson bookmarked</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Lier une preuve</source>
        <translation>Link evidence</translation>
    </message>
    <message>
        <source>Ce que cette preuve montre, en une phrase ou deux</source>
        <translation>What this evidence shows, in a sentence or two</translation>
    </message>
    <message>
        <source>Élément :</source>
        <translation>Item:</translation>
    </message>
    <message>
        <source>Ce qu&apos;il montre :</source>
        <translation>What it shows:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Présentation du module</source>
        <translation>Module overview</translation>
    </message>
    <message>
        <source>Rechercher dans le cours (Ctrl+F)</source>
        <translation>Search the course (Ctrl+F)</translation>
    </message>
    <message>
        <source>Rechercher</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Prêt — tout fonctionne hors ligne.</source>
        <translation>Ready — everything works offline.</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Cette leçon n&apos;est plus installée.</source>
        <translation>This lesson is no longer installed.</translation>
    </message>
    <message numerus="yes">
        <source>%n résultat(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message>
        <source>Activité {uid} : action « {a} »</source>
        <translation>Activity {uid}: action “{a}”</translation>
    </message>
    <message>
        <source>Importer un pack</source>
        <translation>Import a pack</translation>
    </message>
    <message>
        <source>Packs TEAM (*.teampack)</source>
        <translation>TEAM packs (*.teampack)</translation>
    </message>
    <message>
        <source>« {t} » mis à jour : version {old} → {new}. Votre progression est conservée.</source>
        <translation>“{t}” updated: version {old} → {new}. Your progress is kept.</translation>
    </message>
    <message>
        <source>« {t} » (version {v}) est installé.</source>
        <translation>“{t}” (version {v}) is installed.</translation>
    </message>
    <message>
        <source>Pack importé</source>
        <translation>Pack imported</translation>
    </message>
    <message>
        <source>Pack non importé</source>
        <translation>Pack not imported</translation>
    </message>
    <message>
        <source>Import annulé : rien n&apos;a été installé.</source>
        <translation>Import cancelled: nothing was installed.</translation>
    </message>
    <message>
        <source>Le pack n&apos;a pas pu être écrit sur le disque ({e}). Vos données n&apos;ont pas changé.</source>
        <translation>The pack could not be written to disk ({e}). Your data has not changed.</translation>
    </message>
    <message>
        <source>Import de {f}…</source>
        <translation>Importing {f}…</translation>
    </message>
    <message>
        <source>À propos de TEAM Desktop</source>
        <translation>About TEAM Desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;TEAM Desktop {v}&lt;/b&gt;&lt;p&gt;Le compagnon hors ligne du MOOC TEAM — Travaillons Ensemble à la Mutualisation de nos pratiques d&apos;enseignement et de formation.&lt;/p&gt;&lt;p&gt;Contenus du cours sous licence CC BY-SA 4.0. Données enregistrées dans :&lt;br/&gt;{d}&lt;/p&gt;</source>
        <translation>&lt;b&gt;TEAM Desktop {v}&lt;/b&gt;&lt;p&gt;The offline companion of the TEAM MOOC — “Travaillons Ensemble à la Mutualisation de nos pratiques d&apos;enseignement et de formation” (working together to share our teaching and training practices). The course content is in French.&lt;/p&gt;&lt;p&gt;Course content under the CC BY-SA 4.0 licence. Data saved in:&lt;br/&gt;{d}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MarkdownTextEdit</name>
    <message>
        <source>Colonne 1</source>
        <translation>Column 1</translation>
    </message>
    <message>
        <source>Colonne 2</source>
        <translation>Column 2</translation>
    </message>
    <message>
        <source>Insérer un lien</source>
        <translation>Insert a link</translation>
    </message>
    <message>
        <source>Adresse du lien (par exemple https://eduscol.education.fr) :</source>
        <translation>Link address (for example https://eduscol.education.fr):</translation>
    </message>
    <message>
        <source>lien</source>
        <translation>link</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Ouvrir le fichier</source>
        <translation>Open the file</translation>
    </message>
    <message>
        <source>Ouvrir le dossier</source>
        <translation>Open the folder</translation>
    </message>
</context>
<context>
    <name>MyAccountDialog</name>
    <message>
        <source>Mon compte</source>
        <translation>My account</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Mot de passe actuel</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>Nouveau mot de passe</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Nouveau mot de passe (encore)</source>
        <translation>New password (again)</translation>
    </message>
    <message>
        <source>Changer le mot de passe déconnecte vos autres appareils : reconnectez-les avec le nouveau. Cet appareil reste connecté.</source>
        <translation>Changing the password logs your other devices out: log them in again with the new one. This device stays logged in.</translation>
    </message>
    <message>
        <source>Changer le mot de passe</source>
        <translation>Change the password</translation>
    </message>
    <message>
        <source>Appareils connectés à votre compte</source>
        <translation>Devices logged in to your account</translation>
    </message>
    <message>
        <source>Appareil</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Vu pour la dernière fois</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <source>Déconnecter cet appareil</source>
        <translation>Log this device out</translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Un appareil perdu ou prêté ? Déconnectez-le : il ne pourra plus rien recevoir ni envoyer sans votre mot de passe. Ce qu&apos;il contient déjà reste sur lui.</source>
        <translation>A device lost or lent? Log it out: it can no longer receive or send anything without your password. What it already holds stays on it.</translation>
    </message>
    <message>
        <source>(sans nom)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>{name} (cet appareil)</source>
        <translation>{name} (this device)</translation>
    </message>
    <message>
        <source>Cet appareil est déconnecté. Ce qui n&apos;est pas encore envoyé reste ici et partira quand vous vous reconnecterez.</source>
        <translation>This device is logged out. What is not sent yet stays here and will leave when you log in again.</translation>
    </message>
    <message>
        <source>« {name} » est déconnecté.</source>
        <translation>“{name}” is logged out.</translation>
    </message>
    <message>
        <source>Changement du mot de passe…</source>
        <translation>Changing the password…</translation>
    </message>
    <message>
        <source>Mot de passe changé. Vos autres appareils sont déconnectés : reconnectez-les avec le nouveau mot de passe.</source>
        <translation>Password changed. Your other devices are logged out: log them in again with the new password.</translation>
    </message>
    <message>
        <source>Erreur inattendue : {e}</source>
        <translation>Unexpected error: {e}</translation>
    </message>
    <message>
        <source>Vous n&apos;êtes pas connecté·e : connectez-vous (Partage › Compte et serveur).</source>
        <translation>You are not logged in: log in (Sharing › Account and server).</translation>
    </message>
</context>
<context>
    <name>MyAttestations</name>
    <message>
        <source>Vos attestations</source>
        <translation>Your attestations</translation>
    </message>
    <message>
        <source>L&apos;attestation choisie</source>
        <translation>The chosen attestation</translation>
    </message>
    <message>
        <source>Exporter le fichier…</source>
        <translation>Export the file…</translation>
    </message>
    <message>
        <source>Imprimer l&apos;attestation (PDF)…</source>
        <translation>Print the attestation (PDF)…</translation>
    </message>
    <message>
        <source>Vérifier l&apos;état en ligne</source>
        <translation>Check the status online</translation>
    </message>
    <message>
        <source>Attestation d&apos;un module…</source>
        <translation>Attestation of a module…</translation>
    </message>
    <message>
        <source>Attestations de mon groupe…</source>
        <translation>My group's attestations…</translation>
    </message>
    <message>
        <source>⚠ ne se vérifie pas</source>
        <translation>⚠ does not verify</translation>
    </message>
    <message>
        <source>révoquée</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>✔ signature vérifiée</source>
        <translation>✔ signature verified</translation>
    </message>
    <message>
        <source>Aucune attestation. Quand un module est terminé ou une compétence validée, demandez-la : le serveur la signe, elle reste ici hors ligne.</source>
        <translation>No attestation. When a module is completed or a competency validated, ask for it: the server signs it, it stays here offline.</translation>
    </message>
    <message>
        <source>Cette attestation ne se vérifie plus : elle a été modifiée.</source>
        <translation>This attestation no longer verifies: it was modified.</translation>
    </message>
    <message>
        <source>Délivrée à {h} par {i}</source>
        <translation>Issued to {h} by {i}</translation>
    </message>
    <message>
        <source>Révoquée par l&apos;animation du groupe.</source>
        <translation>Revoked by the group's facilitator.</translation>
    </message>
    <message>
        <source>Signature vérifiée avec la clé publique de l&apos;émetteur.</source>
        <translation>Signature verified with the issuer's public key.</translation>
    </message>
</context>
<context>
    <name>MyCompetencies</name>
    <message>
        <source>Compétence</source>
        <translation>Competency</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Compétences des modules</source>
        <translation>The modules' competencies</translation>
    </message>
    <message>
        <source>La compétence choisie</source>
        <translation>The chosen competency</translation>
    </message>
    <message>
        <source>Preuves de la compétence</source>
        <translation>The competency's evidence</translation>
    </message>
    <message>
        <source>Lier une preuve…</source>
        <translation>Link evidence…</translation>
    </message>
    <message>
        <source>Partager / rendre privée…</source>
        <translation>Share / make private…</translation>
    </message>
    <message>
        <source>Retirer la preuve</source>
        <translation>Remove the evidence</translation>
    </message>
    <message>
        <source>Demander l&apos;attestation</source>
        <translation>Ask for the attestation</translation>
    </message>
    <message>
        <source>Preuves :</source>
        <translation>Evidence:</translation>
    </message>
    <message>
        <source>✔ validée</source>
        <translation>✔ validated</translation>
    </message>
    <message numerus="yes">
        <source>%n preuve(s)</source>
        <translation>
            <numerusform>%n piece of evidence</numerusform>
            <numerusform>%n pieces of evidence</numerusform>
        </translation>
    </message>
    <message>
        <source>à montrer</source>
        <translation>to show</translation>
    </message>
    <message>
        <source>Choisissez une compétence.</source>
        <translation>Choose a competency.</translation>
    </message>
    <message>
        <source>Leçons : {l}</source>
        <translation>Lessons: {l}</translation>
    </message>
    <message>
        <source>Validée</source>
        <translation>Validated</translation>
    </message>
    <message>
        <source>Non validée</source>
        <translation>Not validated</translation>
    </message>
    <message>
        <source>Aucune preuve pour l’instant.</source>
        <translation>No evidence yet.</translation>
    </message>
</context>
<context>
    <name>MyDataDialog</name>
    <message>
        <source>Mes données</source>
        <translation>My data</translation>
    </message>
    <message>
        <source>Ce que le serveur conserve à votre sujet</source>
        <translation>What the server keeps about you</translation>
    </message>
    <message>
        <source>Tout télécharger (zip)…</source>
        <translation>Download everything (zip)…</translation>
    </message>
    <message>
        <source>Vous n&apos;êtes pas connecté·e à un serveur : toutes vos données sont sur cet appareil, dans le dossier de données de TEAM Desktop. Connectez-vous (Partage › Compte et serveur) pour voir ce que le serveur conserve.</source>
        <translation>You are not logged in to a server: all your data is on this device, in TEAM Desktop&apos;s data folder. Log in (Sharing › Account and server) to see what the server keeps.</translation>
    </message>
    <message>
        <source>Chargement…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Supprimer mon compte</source>
        <translation>Delete my account</translation>
    </message>
    <message>
        <source>Retirer aussi ce que j&apos;ai partagé avec mes groupes</source>
        <translation>Also remove what I shared with my groups</translation>
    </message>
    <message>
        <source>Laisser à mes groupes ce que j&apos;ai partagé, sans mon nom (anonymisé)</source>
        <translation>Leave what I shared to my groups, without my name (anonymised)</translation>
    </message>
    <message>
        <source>Effacer aussi mes données de cet appareil : elles seront perdues</source>
        <translation>Also erase my data from this device: it will be lost</translation>
    </message>
    <message>
        <source>Journal, notes, progression, réponses, pièces jointes et sauvegardes ; le cours installé reste.</source>
        <translation>Journal, notes, progress, answers, attachments and backups; the installed course stays.</translation>
    </message>
    <message>
        <source>Votre mot de passe, pour confirmer</source>
        <translation>Your password, to confirm</translation>
    </message>
    <message>
        <source>Mot de passe pour confirmer la suppression</source>
        <translation>Password to confirm the deletion</translation>
    </message>
    <message>
        <source>Je comprends que la suppression est définitive</source>
        <translation>I understand that the deletion is final</translation>
    </message>
    <message>
        <source>Supprimer définitivement mon compte</source>
        <translation>Delete my account for good</translation>
    </message>
    <message>
        <source>Le serveur efface votre compte et tout ce qu&apos;il conserve de vous, et déconnecte tous vos appareils. Sauf si vous cochez la case ci-dessous, cet appareil garde votre copie locale.</source>
        <translation>The server erases your account and everything it keeps about you, and logs out all your devices. Unless you tick the box below, this device keeps your local copy.</translation>
    </message>
    <message>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <source>appareil sans nom</source>
        <translation>unnamed device</translation>
    </message>
    <message>
        <source> (déconnecté)</source>
        <translation> (logged out)</translation>
    </message>
    <message>
        <source>vous participez (texte version {v})</source>
        <translation>you take part (text version {v})</translation>
    </message>
    <message>
        <source>vous ne participez pas</source>
        <translation>you do not take part</translation>
    </message>
    <message>
        <source>Votre compte</source>
        <translation>Your account</translation>
    </message>
    <message>
        <source>Groupes : {g}</source>
        <translation>Groups: {g}</translation>
    </message>
    <message>
        <source>Ce que le serveur conserve</source>
        <translation>What the server keeps</translation>
    </message>
    <message>
        <source>Fichiers : {n} ({s})</source>
        <translation>Files: {n} ({s})</translation>
    </message>
    <message>
        <source>Recherche</source>
        <translation>Research</translation>
    </message>
    <message>
        <source>Votre pseudonyme pour la recherche : {p}</source>
        <translation>Your pseudonym for the research: {p}</translation>
    </message>
    <message>
        <source>Appareils connectés à votre compte</source>
        <translation>Devices logged in to your account</translation>
    </message>
    <message>
        <source>Enregistrer mes données</source>
        <translation>Save my data</translation>
    </message>
    <message>
        <source>Archive zip (*.zip)</source>
        <translation>Zip archive (*.zip)</translation>
    </message>
    <message>
        <source>Téléchargement…</source>
        <translation>Downloading…</translation>
    </message>
    <message>
        <source>Vos données sont enregistrées dans {p}.</source>
        <translation>Your data is saved in {p}.</translation>
    </message>
    <message>
        <source>Suppression du compte…</source>
        <translation>Deleting the account…</translation>
    </message>
    <message>
        <source>Votre compte est supprimé, et vos données de cet appareil aussi.</source>
        <translation>Your account is deleted, and your data on this device too.</translation>
    </message>
    <message>
        <source>Votre compte est supprimé. Vos données restent sur cet appareil : vous pouvez les effacer ou les garder.</source>
        <translation>Your account is deleted. Your data stays on this device: you can erase it or keep it.</translation>
    </message>
    <message>
        <source>Erreur inattendue : {e}</source>
        <translation>Unexpected error: {e}</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <source>Nouveau plan de séance</source>
        <translation>New session plan</translation>
    </message>
    <message>
        <source>Titre de la séance</source>
        <translation>Session title</translation>
    </message>
    <message>
        <source>Point de départ</source>
        <translation>Starting point</translation>
    </message>
    <message>
        <source>Un plan vierge</source>
        <translation>A blank plan</translation>
    </message>
    <message>
        <source>Modèle du cours : {title}</source>
        <translation>Course template: {title}</translation>
    </message>
    <message>
        <source>Copie de : {title}</source>
        <translation>Copy of: {title}</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Partir de</source>
        <translation>Start from</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Titre de la note</source>
        <translation>Title of the note</translation>
    </message>
    <message>
        <source>Qui a écrit quoi</source>
        <translation>Who wrote what</translation>
    </message>
    <message>
        <source>Colorer le texte selon son auteur (lecture seule)</source>
        <translation>Colour the text by its author (read-only)</translation>
    </message>
    <message>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Enregistrer une copie .teamnote à envoyer à vos co-auteurs</source>
        <translation>Save a .teamnote copy to send to your co-authors</translation>
    </message>
    <message>
        <source>Fusionner une copie…</source>
        <translation>Merge a copy…</translation>
    </message>
    <message>
        <source>Ajouter à cette note les modifications d&apos;une copie .teamnote reçue</source>
        <translation>Add the changes of a .teamnote copy you received to this note</translation>
    </message>
    <message>
        <source>Texte de la note</source>
        <translation>Text of the note</translation>
    </message>
    <message>
        <source>Je considère cette note prête</source>
        <translation>I consider this note ready</translation>
    </message>
    <message>
        <source>Partage de la note</source>
        <translation>Sharing of the note</translation>
    </message>
    <message>
        <source>Pour l&apos;activité « {t} »</source>
        <translation>For the activity “{t}”</translation>
    </message>
    <message>
        <source>Modifications…</source>
        <translation>Changes…</translation>
    </message>
    <message>
        <source>Non enregistré, nouvel essai dans un instant</source>
        <translation>Not saved, trying again in a moment</translation>
    </message>
    <message>
        <source>Enregistré à {t}</source>
        <translation>Saved at {t}</translation>
    </message>
    <message>
        <source>Personne n&apos;a encore marqué cette note comme prête.</source>
        <translation>Nobody has marked this note as ready yet.</translation>
    </message>
    <message>
        <source>{name} (le {date})</source>
        <translation>{name} (on {date})</translation>
    </message>
    <message>
        <source>Prête pour : {names}</source>
        <translation>Ready for: {names}</translation>
    </message>
    <message>
        <source>Note non exportée</source>
        <translation>Note not exported</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être écrit ({e}). La note n&apos;a pas changé.</source>
        <translation>The file could not be written ({e}). The note has not changed.</translation>
    </message>
    <message>
        <source>Exportée vers {f}</source>
        <translation>Exported to {f}</translation>
    </message>
    <message>
        <source>Copie non fusionnée</source>
        <translation>Copy not merged</translation>
    </message>
    <message>
        <source>Copie fusionnée : toutes les modifications sont réunies.</source>
        <translation>Copy merged: all the changes are brought together.</translation>
    </message>
    <message>
        <source>Cette copie n&apos;apportait rien de nouveau.</source>
        <translation>This copy brought nothing new.</translation>
    </message>
    <message>
        <source>Exporter la note</source>
        <translation>Export the note</translation>
    </message>
    <message>
        <source>Notes TEAM (*.teamnote)</source>
        <translation>TEAM notes (*.teamnote)</translation>
    </message>
    <message>
        <source>Fusionner une copie</source>
        <translation>Merge a copy</translation>
    </message>
</context>
<context>
    <name>NotesController</name>
    <message>
        <source>Cette note n&apos;existe plus.</source>
        <translation>This note no longer exists.</translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <source>Notes de co-préparation</source>
        <translation>Co-preparation notes</translation>
    </message>
    <message>
        <source>Nouvelle note</source>
        <translation>New note</translation>
    </message>
    <message>
        <source>Importer…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Ajouter une note reçue sous forme de fichier .teamnote</source>
        <translation>Add a note received as a .teamnote file</translation>
    </message>
    <message>
        <source>Mettre à la corbeille</source>
        <translation>Move to the bin</translation>
    </message>
    <message>
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Supprimer définitivement la note choisie</source>
        <translation>Delete the chosen note for good</translation>
    </message>
    <message>
        <source>Corbeille</source>
        <translation>Bin</translation>
    </message>
    <message>
        <source>Voir les notes mises à la corbeille</source>
        <translation>See the notes moved to the bin</translation>
    </message>
    <message>
        <source>Prénom Nom</source>
        <translation>First name Last name</translation>
    </message>
    <message>
        <source>Votre nom, visible par vos co-auteurs</source>
        <translation>Your name, visible to your co-authors</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Votre nom, visible par vos co-auteurs :</source>
        <translation>Your name, visible to your co-authors:</translation>
    </message>
    <message>
        <source>Choisissez une note dans la liste, ou créez-en une pour préparer une séance à plusieurs.</source>
        <translation>Choose a note in the list, or create one to prepare a session together.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Corbeille&lt;/b&gt;</source>
        <translation>&lt;b&gt;Bin&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mes notes de co-préparation&lt;/b&gt;</source>
        <translation>&lt;b&gt;My co-preparation notes&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Note non importée</source>
        <translation>Note not imported</translation>
    </message>
    <message>
        <source>Importer une note</source>
        <translation>Import a note</translation>
    </message>
    <message>
        <source>Notes TEAM (*.teamnote)</source>
        <translation>TEAM notes (*.teamnote)</translation>
    </message>
    <message>
        <source>Plan : {title}</source>
        <translation>Plan: {title}</translation>
    </message>
</context>
<context>
    <name>ObservationView</name>
    <message>
        <source>Commencer l&apos;observation</source>
        <translation>Start observing</translation>
    </message>
    <message>
        <source>Phase suivante</source>
        <translation>Next phase</translation>
    </message>
    <message>
        <source>Terminer</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Note courte</source>
        <translation>Short note</translation>
    </message>
    <message>
        <source>Note courte (facultative), jointe à la prochaine observation</source>
        <translation>Short note (optional), attached to the next observation</translation>
    </message>
    <message>
        <source>Observations notées</source>
        <translation>Observations logged</translation>
    </message>
    <message>
        <source>Touches 1 à 9 : une observation (Ctrl+1 à 9 pendant que vous écrivez une note).</source>
        <translation>Keys 1 to 9: an observation (Ctrl+1 to 9 while you type a note).</translation>
    </message>
    <message>
        <source>Prêt·e à observer : lancez le chronomètre au début de la séance.</source>
        <translation>Ready to observe: start the timer when the session begins.</translation>
    </message>
    <message>
        <source>Phase {n} sur {count} : {name} ({minutes} min prévues)</source>
        <translation>Phase {n} of {count}: {name} ({minutes} min planned)</translation>
    </message>
    <message>
        <source>Hors des phases prévues</source>
        <translation>Outside the planned phases</translation>
    </message>
</context>
<context>
    <name>PeersEvidence</name>
    <message>
        <source>Preuves partagées par vos pairs</source>
        <translation>Evidence shared by your peers</translation>
    </message>
    <message>
        <source>La preuve choisie</source>
        <translation>The chosen evidence</translation>
    </message>
    <message>
        <source>Appuyer cette preuve…</source>
        <translation>Endorse this evidence…</translation>
    </message>
    <message>
        <source>Valider la compétence…</source>
        <translation>Validate the competency…</translation>
    </message>
    <message>
        <source>Aucune preuve partagée par vos pairs pour l’instant.</source>
        <translation>No evidence shared by your peers yet.</translation>
    </message>
</context>
<context>
    <name>PendingView</name>
    <message>
        <source>En attente d&apos;envoi</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Quoi</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Depuis</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Changements en attente</source>
        <translation>Waiting changes</translation>
    </message>
    <message>
        <source>Réessayer maintenant</source>
        <translation>Try again now</translation>
    </message>
    <message>
        <source>Reçus du serveur mais laissés de côté : ces éléments ne respectent pas le format attendu (un autre appareil ou le serveur les a mal écrits). Le reste de la synchronisation n&apos;en est pas bloqué ; vos propres données ne sont pas touchées.</source>
        <translation>Received from the server but left aside: these items do not have the expected format (another device or the server wrote them wrongly). The rest of the sync is not blocked by them; your own data is untouched.</translation>
    </message>
    <message>
        <source>De qui</source>
        <translation>From whom</translation>
    </message>
    <message>
        <source>Reçu</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Raison</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Éléments reçus laissés de côté</source>
        <translation>Received items left aside</translation>
    </message>
    <message>
        <source>J&apos;ai compris, effacer cette liste</source>
        <translation>Understood, clear this list</translation>
    </message>
    <message>
        <source>Refusé : {e} (essais : {n})</source>
        <translation>Refused: {e} (attempts: {n})</translation>
    </message>
    <message>
        <source>En attente de connexion</source>
        <translation>Waiting for a connection</translation>
    </message>
    <message>
        <source>Ouvrez-le et corrigez ce que dit la raison : son partage (un groupe dont vous êtes membre, ou « Privée »), ou, si votre espace sur le serveur est plein, supprimez des pièces jointes devenues inutiles. Toute modification le renverra à la synchronisation suivante.</source>
        <translation>Open it and mend what the reason says: its sharing (a group you belong to, or “Private”), or, if your space on the server is full, delete attachments you no longer need. Any change sends it again at the next sync.</translation>
    </message>
    <message>
        <source>Tout est envoyé : rien n&apos;attend sur cet appareil.</source>
        <translation>Everything is sent: nothing is waiting on this device.</translation>
    </message>
    <message numerus="yes">
        <source>%n changement(s) en attente de la prochaine synchronisation. Rien n&apos;est jamais abandonné : un changement refusé reste ici avec la raison.</source>
        <translation>
            <numerusform>%n change waiting for the next sync. Nothing is ever dropped: a refused change stays here with the reason.</numerusform>
            <numerusform>%n changes waiting for the next sync. Nothing is ever dropped: a refused change stays here with the reason.</numerusform>
        </translation>
    </message>
    <message>
        <source>connexion limitée : les fichiers de plus de {s} attendent une connexion non limitée ou une synchronisation par fichier</source>
        <translation>metered connection: files over {s} wait for an unmetered connection or a sync by file</translation>
    </message>
    <message numerus="yes">
        <source>À recevoir plus tard : %n fichier(s) du groupe ({r}).</source>
        <translation>
            <numerusform>To receive later: %n file of the group ({r}).</numerusform>
            <numerusform>To receive later: %n files of the group ({r}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Titre du plan</source>
        <translation>Plan title</translation>
    </message>
    <message>
        <source>Titre de la séance</source>
        <translation>Session title</translation>
    </message>
    <message>
        <source>Date de la séance</source>
        <translation>Session date</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Durée de la séance</source>
        <translation>Session length</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Objectifs</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <source>Partage du plan</source>
        <translation>Plan sharing</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Phases de la séance</source>
        <translation>Session phases</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Durée</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>Qui mène</source>
        <translation>Who leads</translation>
    </message>
    <message>
        <source>Ce que fait l&apos;autre</source>
        <translation>What the other does</translation>
    </message>
    <message>
        <source>Matériel</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Ce que nous observerons</source>
        <translation>What we will observe</translation>
    </message>
    <message>
        <source>Ajouter une phase</source>
        <translation>Add a phase</translation>
    </message>
    <message>
        <source>Retirer la phase</source>
        <translation>Remove the phase</translation>
    </message>
    <message>
        <source>Monter</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Descendre</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Grille d&apos;observation</source>
        <translation>Observation grid</translation>
    </message>
    <message>
        <source>Une catégorie par ligne, neuf au plus (touches 1 à 9 pendant l&apos;observation).</source>
        <translation>One category per line, nine at most (keys 1 to 9 while observing).</translation>
    </message>
    <message>
        <source>Imprimer le plan (PDF)…</source>
        <translation>Print the plan (PDF)…</translation>
    </message>
    <message>
        <source>Notes et débriefing</source>
        <translation>Notes and debrief</translation>
    </message>
    <message>
        <source>Grille d&apos;observation (une catégorie par ligne) :</source>
        <translation>Observation grid (one category per line):</translation>
    </message>
    <message>
        <source>Durée de la phase</source>
        <translation>Phase length</translation>
    </message>
    <message>
        <source>Configuration de la phase</source>
        <translation>Phase configuration</translation>
    </message>
    <message>
        <source>(à choisir)</source>
        <translation>(to choose)</translation>
    </message>
    <message>
        <source>Écrit par : {names}</source>
        <translation>Written by: {names}</translation>
    </message>
    <message>
        <source>Total des phases : {total} min sur {length}</source>
        <translation>Phases in total: {total} min of {length}</translation>
    </message>
    <message>
        <source>✔ Chaque phase a sa durée, et un rôle pour chacun des deux adultes.</source>
        <translation>✔ Every phase has its length, and a role for each of the two adults.</translation>
    </message>
</context>
<context>
    <name>PlanSpace</name>
    <message>
        <source>☰ Plan du cours</source>
        <translation>☰ Course outline</translation>
    </message>
    <message>
        <source>Afficher ou masquer le plan du cours</source>
        <translation>Show or hide the course outline</translation>
    </message>
</context>
<context>
    <name>PlansController</name>
    <message>
        <source>Imprimer le plan</source>
        <translation>Print the plan</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PDF non écrit</source>
        <translation>PDF not written</translation>
    </message>
    <message>
        <source>Plan enregistré : {p}</source>
        <translation>Plan saved: {p}</translation>
    </message>
</context>
<context>
    <name>PlansView</name>
    <message>
        <source>Plans de séance</source>
        <translation>Session plans</translation>
    </message>
    <message>
        <source>Nouveau plan…</source>
        <translation>New plan…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mes plans de séance&lt;/b&gt;</source>
        <translation>&lt;b&gt;My session plans&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>Observe</translation>
    </message>
    <message>
        <source>Débriefing</source>
        <translation>Debrief</translation>
    </message>
    <message>
        <source>Créez un plan de séance : phases, configurations, rôles, puis observez et débriefez.</source>
        <translation>Create a session plan: phases, configurations, roles; then observe and debrief.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Préférences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>Celle du système</source>
        <translation>The system&apos;s</translation>
    </message>
    <message>
        <source>Langue de l&apos;interface</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>S&apos;applique au prochain démarrage</source>
        <translation>Applies at the next start</translation>
    </message>
    <message>
        <source>La langue change au prochain démarrage de TEAM Desktop. Le contenu du cours reste en français.</source>
        <translation>The language changes the next time TEAM Desktop starts. The course content stays in French.</translation>
    </message>
    <message>
        <source>Celui du système</source>
        <translation>The system&apos;s</translation>
    </message>
    <message>
        <source>Clair</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Sombre</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Contraste élevé</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Thème</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Taille du texte</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>Du cours et des éditeurs ; aussi avec Ctrl+plus, Ctrl+moins et Ctrl+0</source>
        <translation>Of the course and the editors; also with Ctrl+plus, Ctrl+minus and Ctrl+0</translation>
    </message>
    <message>
        <source>Connexion limitée (forfait mobile, partage de connexion)</source>
        <translation>Metered connection (mobile plan, tethering)</translation>
    </message>
    <message>
        <source> Mo</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Taille au-delà de laquelle un fichier attend une autre connexion</source>
        <translation>Size above which a file waits for another connection</translation>
    </message>
    <message>
        <source>Sur une connexion limitée, le texte part toujours en premier ; les pièces jointes plus grandes que cette taille attendent une connexion non limitée ou une synchronisation par fichier (Partage › En attente d&apos;envoi dit lesquelles).</source>
        <translation>On a metered connection, text always goes first; attachments larger than this size wait for an unmetered connection or a sync by file (Sharing › Waiting to be sent says which).</translation>
    </message>
    <message>
        <source>&amp;Langue :</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>&amp;Thème :</source>
        <translation>&amp;Theme:</translation>
    </message>
    <message>
        <source>Taille du te&amp;xte :</source>
        <translation>Te&amp;xt size:</translation>
    </message>
    <message>
        <source>&amp;Données :</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <source>Fichiers de plus de :</source>
        <translation>Files over:</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Progression</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Reprendre</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>{d} sur {t} (%p %)</source>
        <translation>{d} of {t} (%p%)</translation>
    </message>
    <message>
        <source>Annulation…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Mise en pause…</source>
        <translation>Pausing…</translation>
    </message>
</context>
<context>
    <name>QuestionnaireDialog</name>
    <message>
        <source>Je préfère ne pas répondre</source>
        <translation>I prefer not to answer</translation>
    </message>
    <message>
        <source>Votre réponse (facultative)</source>
        <translation>Your answer (optional)</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Réponses enregistrées le {d}.</source>
        <translation>Answers saved on {d}.</translation>
    </message>
    <message>
        <source>Vous participez à la recherche : vos réponses lui seront transmises à la prochaine synchronisation.</source>
        <translation>You take part in the research: your answers will be sent to it at the next sync.</translation>
    </message>
    <message>
        <source>Vos réponses écrites, elles, ne sont jamais remises à l&apos;équipe de recherche : elle ne reçoit que vos choix sur les échelles.</source>
        <translation>Your written answers are never given to the research team: it only receives your choices on the scales.</translation>
    </message>
    <message>
        <source>Vous ne participez pas à la recherche : vos réponses restent sur cet appareil.</source>
        <translation>You do not take part in the research: your answers stay on this device.</translation>
    </message>
</context>
<context>
    <name>ResearchController</name>
    <message>
        <source>Merci : vous participez à la recherche.</source>
        <translation>Thank you: you take part in the research.</translation>
    </message>
    <message>
        <source>C&apos;est noté : vous ne participez pas à la recherche.</source>
        <translation>Noted: you do not take part in the research.</translation>
    </message>
    <message>
        <source>Ce questionnaire n&apos;est plus installé.</source>
        <translation>This questionnaire is no longer installed.</translation>
    </message>
    <message>
        <source>Réponses enregistrées.</source>
        <translation>Answers saved.</translation>
    </message>
    <message>
        <source>Confidentialité</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Notice de confidentialité</source>
        <translation>Privacy notice</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <source>Résultats de recherche</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Leçon ·</source>
        <translation>Lesson ·</translation>
    </message>
    <message>
        <source>Mon journal ·</source>
        <translation>My journal ·</translation>
    </message>
    <message>
        <source>Note de co-préparation ·</source>
        <translation>Co-preparation note ·</translation>
    </message>
    <message>
        <source>Partagé par le groupe ·</source>
        <translation>Shared by the group ·</translation>
    </message>
    <message>
        <source>Recherche : « {q} »</source>
        <translation>Search: “{q}”</translation>
    </message>
    <message>
        <source>Aucun résultat. Essayez un autre mot, ou moins de mots.</source>
        <translation>No results. Try another word, or fewer words.</translation>
    </message>
    <message numerus="yes">
        <source>%n résultat(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message>
        <source>Sans titre</source>
        <translation>Untitled</translation>
    </message>
</context>
<context>
    <name>SeasonDialog</name>
    <message>
        <source>Saison du groupe « {g} »</source>
        <translation>Season of the group “{g}”</translation>
    </message>
    <message>
        <source>Début de la saison</source>
        <translation>Start of the season</translation>
    </message>
    <message>
        <source>Modules suivis</source>
        <translation>Modules followed</translation>
    </message>
    <message>
        <source>Semaine {w} — {t}</source>
        <translation>Week {w} — {t}</translation>
    </message>
    <message>
        <source>Ouverture de la semaine {n}</source>
        <translation>Opening of week {n}</translation>
    </message>
    <message>
        <source>à son rythme</source>
        <translation>at one&apos;s own pace</translation>
    </message>
    <message>
        <source>Semaine {n} à son rythme</source>
        <translation>Week {n} at one&apos;s own pace</translation>
    </message>
    <message>
        <source>Semaine {n}</source>
        <translation>Week {n}</translation>
    </message>
    <message>
        <source>Une semaine d&apos;écart à partir du début</source>
        <translation>One week apart from the start</translation>
    </message>
    <message>
        <source>Début de la saison :</source>
        <translation>Start of the season:</translation>
    </message>
    <message>
        <source>Modules suivis :</source>
        <translation>Modules followed:</translation>
    </message>
    <message>
        <source>Chaque semaine s&apos;ouvre à sa date pour le groupe. Les dates guident, elles ne ferment rien : qui a déjà le contenu peut le lire quand il veut.</source>
        <translation>Each week opens on its date for the group. Dates guide, they lock nothing: whoever already has the content can read it whenever they like.</translation>
    </message>
</context>
<context>
    <name>SharingController</name>
    <message>
        <source>État de la synchronisation</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <source>Mettre à &amp;jour les modules ({n})…</source>
        <translation>&amp;Update the modules ({n})…</translation>
    </message>
    <message numerus="yes">
        <source>%n module(s) plus récent(s) disponible(s) : Partage › Mettre à jour les modules.</source>
        <translation>
            <numerusform>%n newer module available: Sharing › Update the modules.</numerusform>
            <numerusform>%n newer modules available: Sharing › Update the modules.</numerusform>
        </translation>
    </message>
    <message>
        <source>Modules mis à jour</source>
        <translation>Modules updated</translation>
    </message>
    <message>
        <source>Installé : {n}. Votre progression est conservée.</source>
        <translation>Installed: {n}. Your progress is kept.</translation>
    </message>
    <message>
        <source>Téléchargement des modules en pause</source>
        <translation>Module download paused</translation>
    </message>
    <message>
        <source>Mise à jour interrompue</source>
        <translation>Update interrupted</translation>
    </message>
    <message>
        <source>Mise à jour annulée : ce qui a été téléchargé est gardé pour la prochaine fois.</source>
        <translation>Update cancelled: what was downloaded is kept for next time.</translation>
    </message>
    <message>
        <source>Les modules n&apos;ont pas pu être écrits sur le disque ({e}). Vos données n&apos;ont pas changé : relancez la mise à jour une fois de la place libérée.</source>
        <translation>The modules could not be written to the disk ({e}). Your data has not changed: run the update again once some space is free.</translation>
    </message>
    <message>
        <source>Téléchargement des modules…</source>
        <translation>Downloading the modules…</translation>
    </message>
    <message>
        <source>Vos modules sont à jour.</source>
        <translation>Your modules are up to date.</translation>
    </message>
    <message>
        <source>Le serveur n&apos;a pas pu être joint : réessayez une fois connecté.</source>
        <translation>The server could not be reached: try again once you are connected.</translation>
    </message>
    <message>
        <source>Le serveur a changé</source>
        <translation>The server has changed</translation>
    </message>
    <message>
        <source>Le serveur à cette adresse n&apos;est plus celui avec lequel cet appareil se synchronisait : sa base a été effacée, ou c&apos;est un autre serveur. Rien n&apos;a été supprimé sur cet appareil, et rien ne sera envoyé sans votre accord.

Envoyer à ce serveur tout ce que vous avez écrit et fait ici ?</source>
        <translation>The server at this address is no longer the one this device used to sync with: its database was wiped, or it is another server. Nothing was deleted on this device, and nothing will be sent without your consent.

Send this server everything you wrote and did here?</translation>
    </message>
    <message>
        <source>Envoyer mes données à ce serveur</source>
        <translation>Send my data to this server</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Raccourcis clavier</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Liste des raccourcis clavier</source>
        <translation>List of keyboard shortcuts</translation>
    </message>
    <message>
        <source>Partout</source>
        <translation>Everywhere</translation>
    </message>
    <message>
        <source>En écrivant (journal de bord, notes)</source>
        <translation>While writing (journal, notes)</translation>
    </message>
    <message>
        <source>Autres</source>
        <translation>Others</translation>
    </message>
    <message>
        <source>Passer à l&apos;élément suivant, précédent</source>
        <translation>Move to the next, previous item</translation>
    </message>
    <message>
        <source>Tab, Maj+Tab</source>
        <translation>Tab, Shift+Tab</translation>
    </message>
    <message>
        <source>Ouvrir un menu</source>
        <translation>Open a menu</translation>
    </message>
    <message>
        <source>Alt + la lettre soulignée</source>
        <translation>Alt + the underlined letter</translation>
    </message>
    <message>
        <source>Ouvrir la leçon ou l&apos;élément choisi</source>
        <translation>Open the chosen lesson or item</translation>
    </message>
    <message>
        <source>Entrée</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Faire défiler le texte</source>
        <translation>Scroll the text</translation>
    </message>
    <message>
        <source>Flèches, Page préc., Page suiv.</source>
        <translation>Arrows, Page Up, Page Down</translation>
    </message>
    <message>
        <source>Fermer une fenêtre de dialogue</source>
        <translation>Close a dialog</translation>
    </message>
    <message>
        <source>Échap</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Gras</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>Italique</source>
        <translation>Italic</translation>
    </message>
    <message>
        <source>Lien</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Liste numérotée</source>
        <translation>Numbered list</translation>
    </message>
    <message>
        <source>Liste à puces</source>
        <translation>Bulleted list</translation>
    </message>
    <message>
        <source>Citation</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Titre 1, 2, 3</source>
        <translation>Heading 1, 2, 3</translation>
    </message>
    <message>
        <source>{keys}, 2, 3</source>
        <translation>{keys}, 2, 3</translation>
    </message>
    <message>
        <source>Texte normal</source>
        <translation>Normal text</translation>
    </message>
</context>
<context>
    <name>SyncFileDialog</name>
    <message>
        <source>Synchroniser par fichier</source>
        <translation>Sync by file</translation>
    </message>
    <message>
        <source>Vos changements sont écrits dans un fichier, par exemple sur une clé USB. Un appareil connecté au même serveur le transmet (Partage › Transmettre un fichier de synchronisation…) et écrit la réponse à côté ; importez-la ensuite ici (Partage › Importer la réponse…). Rien ne passe par le réseau sur cet appareil.</source>
        <translation>Your changes are written to a file, for example on a USB stick. A device connected to the same server delivers it (Sharing › Deliver a sync file…) and writes the answer beside it; then import it here (Sharing › Import the answer…). Nothing goes over the network on this device.</translation>
    </message>
    <message>
        <source>Pièces jointes (les miennes et celles du groupe) jusqu&apos;à</source>
        <translation>Attachments (mine and the group&apos;s) up to</translation>
    </message>
    <message>
        <source> Mo chacune</source>
        <translation> MB each</translation>
    </message>
    <message>
        <source>Taille maximale d&apos;une pièce jointe</source>
        <translation>Largest size of an attachment</translation>
    </message>
    <message>
        <source>Fichier à écrire</source>
        <translation>File to write</translation>
    </message>
    <message>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Fichier :</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Écrire le fichier</source>
        <translation>Write the file</translation>
    </message>
    <message>
        <source>plus grandes que la taille choisie : elles partiront plus tard</source>
        <translation>larger than the size chosen: they will leave later</translation>
    </message>
    <message>
        <source>Écrire le fichier de synchronisation</source>
        <translation>Write the sync file</translation>
    </message>
    <message>
        <source>Fichiers de synchronisation TEAM (*.teamsync)</source>
        <translation>TEAM sync files (*.teamsync)</translation>
    </message>
</context>
<context>
    <name>SyncFilesController</name>
    <message>
        <source>{s}
Fichier écrit : {p}</source>
        <translation>{s}
File written: {p}</translation>
    </message>
    <message>
        <source>Fichier de synchronisation écrit</source>
        <translation>Sync file written</translation>
    </message>
    <message>
        <source>Fichier non écrit</source>
        <translation>File not written</translation>
    </message>
    <message>
        <source>Écriture annulée.</source>
        <translation>Writing cancelled.</translation>
    </message>
    <message>
        <source>Écriture de {f}…</source>
        <translation>Writing {f}…</translation>
    </message>
    <message>
        <source>Transmettre un fichier de synchronisation</source>
        <translation>Deliver a sync file</translation>
    </message>
    <message>
        <source>Fichier non transmis</source>
        <translation>File not delivered</translation>
    </message>
    <message>
        <source>Pour transmettre un fichier, cet appareil doit être connecté au serveur (Partage › Compte et serveur).</source>
        <translation>To deliver a file, this device must be signed in to the server (Sharing › Account and server).</translation>
    </message>
    <message>
        <source>La réponse est écrite à côté de la demande :
{p}

Rendez-la à la personne qui vous a confié le fichier.

{s}</source>
        <translation>The answer is written beside the request:
{p}

Give it back to the person who handed you the file.

{s}</translation>
    </message>
    <message>
        <source>Fichier transmis</source>
        <translation>File delivered</translation>
    </message>
    <message>
        <source>Transmission annulée.</source>
        <translation>Delivery cancelled.</translation>
    </message>
    <message>
        <source>Transmission de {f}…</source>
        <translation>Delivering {f}…</translation>
    </message>
    <message>
        <source>Importer la réponse</source>
        <translation>Import the answer</translation>
    </message>
    <message>
        <source>Réponse importée. Changements envoyés : {p} ; éléments reçus : {r} ; pièces jointes envoyées : {u}, reçues : {d}.</source>
        <translation>Answer imported. Changes sent: {p}; items received: {r}; attachments sent: {u}, received: {d}.</translation>
    </message>
    <message numerus="yes">
        <source>%n changement(s) refusé(s) : voir Partage › En attente d&apos;envoi.</source>
        <translation>
            <numerusform>%n change refused: see Sharing › Waiting to be sent.</numerusform>
            <numerusform>%n changes refused: see Sharing › Waiting to be sent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Réponse importée.</source>
        <translation>Answer imported.</translation>
    </message>
    <message>
        <source>Réponse importée</source>
        <translation>Answer imported</translation>
    </message>
    <message>
        <source>Réponse non importée</source>
        <translation>Answer not imported</translation>
    </message>
    <message>
        <source>Import annulé.</source>
        <translation>Import cancelled.</translation>
    </message>
    <message>
        <source>Import de {f}…</source>
        <translation>Importing {f}…</translation>
    </message>
    <message>
        <source>Fichiers de synchronisation TEAM (*.teamsync)</source>
        <translation>TEAM sync files (*.teamsync)</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être lu ou écrit ({e}) : clé USB retirée ou pleine ? Rien n&apos;a été modifié.</source>
        <translation>The file could not be read or written ({e}): USB stick removed or full? Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>SyncService</name>
    <message>
        <source>Synchronisation non configurée</source>
        <translation>Sync not set up</translation>
    </message>
    <message>
        <source>Connectez-vous pour synchroniser (Partage › Compte et serveur)</source>
        <translation>Log in to sync (Sharing › Account and server)</translation>
    </message>
    <message>
        <source>Synchronisation…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>À jour ({t})</source>
        <translation>Up to date ({t})</translation>
    </message>
    <message numerus="yes">
        <source>À jour ({t}) — %n changement(s) refusé(s), voir « En attente »</source>
        <translation>
            <numerusform>Up to date ({t}) — %n change refused, see “Waiting to be sent”</numerusform>
            <numerusform>Up to date ({t}) — %n changes refused, see “Waiting to be sent”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>À jour ({t}) — %n élément(s) reçu(s) laissé(s) de côté, voir « En attente »</source>
        <translation>
            <numerusform>Up to date ({t}) — %n received item left aside, see “Waiting to be sent”</numerusform>
            <numerusform>Up to date ({t}) — %n received items left aside, see “Waiting to be sent”</numerusform>
        </translation>
    </message>
    <message>
        <source>À jour ({t}) — transferts de fichiers en pause</source>
        <translation>Up to date ({t}) — file transfers paused</translation>
    </message>
    <message numerus="yes">
        <source>Synchronisé à {t} — %n en attente</source>
        <translation>
            <numerusform>Synced at {t} — %n waiting</numerusform>
            <numerusform>Synced at {t} — %n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>À jour ({t}) — connexion limitée : %n fichier(s) attendent, voir « En attente »</source>
        <translation>
            <numerusform>Up to date ({t}) — metered connection: %n file waits, see “Waiting to be sent”</numerusform>
            <numerusform>Up to date ({t}) — metered connection: %n files wait, see “Waiting to be sent”</numerusform>
        </translation>
    </message>
    <message>
        <source>Hors ligne — vos changements attendent la connexion</source>
        <translation>Offline — your changes wait for the connection</translation>
    </message>
    <message>
        <source>Erreur inattendue pendant la synchronisation ; rien n&apos;a été perdu.</source>
        <translation>Unexpected error while syncing; nothing was lost.</translation>
    </message>
</context>
<context>
    <name>TaskFailures</name>
    <message>
        <source>Erreur inattendue ; vos données n&apos;ont pas changé.</source>
        <translation>Unexpected error; your data has not changed.</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Nouvelle entrée du journal</source>
        <translation>New journal entry</translation>
    </message>
    <message>
        <source>Modèles</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>Aperçu du modèle</source>
        <translation>Preview of the template</translation>
    </message>
    <message>
        <source>Commencer l&apos;entrée</source>
        <translation>Start the entry</translation>
    </message>
</context>
<context>
    <name>TransfersPanel</name>
    <message>
        <source>Fichiers joints</source>
        <translation>Attached files</translation>
    </message>
    <message>
        <source>Progression du transfert</source>
        <translation>Transfer progress</translation>
    </message>
    <message>
        <source>Reprendre les transferts</source>
        <translation>Resume transfers</translation>
    </message>
    <message>
        <source>Mettre en pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Aucun fichier en attente de transfert.</source>
        <translation>No file waiting to be transferred.</translation>
    </message>
    <message numerus="yes">
        <source>%n fichier(s) à transférer ({size})</source>
        <translation>
            <numerusform>%n file to transfer ({size})</numerusform>
            <numerusform>%n files to transfer ({size})</numerusform>
        </translation>
    </message>
    <message>
        <source>Envoi de « {name} » — fichier {n} sur {m}</source>
        <translation>Sending “{name}” — file {n} of {m}</translation>
    </message>
    <message>
        <source>Réception de « {name} » — fichier {n} sur {m}</source>
        <translation>Receiving “{name}” — file {n} of {m}</translation>
    </message>
    <message>
        <source>{d} sur {t} ({p} %)</source>
        <translation>{d} of {t} ({p}%)</translation>
    </message>
    <message>
        <source>En pause. </source>
        <translation>Paused. </translation>
    </message>
</context>
<context>
    <name>VisibilityChoice</name>
    <message>
        <source>Privée : vous seul, sur vos appareils. Partagée : les membres du groupe, après synchronisation. Cet appareil : ne quitte jamais cet ordinateur.</source>
        <translation>Private: only you, on your devices. Shared: the members of the group, after syncing. This device: never leaves this computer.</translation>
    </message>
    <message>
        <source>Privée</source>
        <translation>Private</translation>
    </message>
    <message>
        <source>Partagée avec « {g} »</source>
        <translation>Shared with “{g}”</translation>
    </message>
    <message>
        <source>Partagée avec mon groupe</source>
        <translation>Shared with my group</translation>
    </message>
    <message>
        <source>Partager : rejoignez d&apos;abord un groupe (Partage › Mes groupes)</source>
        <translation>Share: first join a group (Sharing › My groups)</translation>
    </message>
    <message>
        <source>Cet appareil seulement</source>
        <translation>This device only</translation>
    </message>
</context>
<context>
    <name>WeekPath</name>
    <message>
        <source>Semaine {w} — {t}</source>
        <translation>Week {w} — {t}</translation>
    </message>
    <message numerus="yes">
        <source>{d}/%n leçon(s)</source>
        <translation>
            <numerusform>{d}/%n lesson</numerusform>
            <numerusform>{d}/%n lessons</numerusform>
        </translation>
    </message>
    <message>
        <source>Progression : {t}</source>
        <translation>Progress: {t}</translation>
    </message>
    <message>
        <source>Vous avez terminé toutes les semaines du parcours. Bravo !</source>
        <translation>You have completed every week of the course. Well done!</translation>
    </message>
    <message>
        <source>Vous en êtes à la semaine {w} : {t}</source>
        <translation>You are at week {w}: {t}</translation>
    </message>
    <message>
        <source>Terminée</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Vous en êtes là</source>
        <translation>You are here</translation>
    </message>
    <message>
        <source>Commencée</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>À venir</source>
        <translation>To come</translation>
    </message>
</context>
<context>
    <name>WhatLeavesLabel</name>
    <message>
        <source>Ce qui quittera cet appareil</source>
        <translation>What will leave this device</translation>
    </message>
    <message>
        <source>Calcul de ce qui quittera cet appareil…</source>
        <translation>Working out what will leave this device…</translation>
    </message>
    <message>
        <source>Rien ne quittera cet appareil : tout est déjà envoyé.</source>
        <translation>Nothing will leave this device: everything is sent already.</translation>
    </message>
    <message numerus="yes">
        <source>Ce qui quittera cet appareil : %n élément(s)</source>
        <translation>
            <numerusform>What will leave this device: %n item</numerusform>
            <numerusform>What will leave this device: %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Partagé avec un groupe : %n élément(s)</source>
        <translation>
            <numerusform>Shared with a group: %n item</numerusform>
            <numerusform>Shared with a group: %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Sans titre</source>
        <translation>Untitled</translation>
    </message>
    <message numerus="yes">
        <source>… et %n autre(s)</source>
        <translation>
            <numerusform>… and %n other</numerusform>
            <numerusform>… and %n others</numerusform>
        </translation>
    </message>
    <message>
        <source>Texte : environ {size}</source>
        <translation>Text: about {size}</translation>
    </message>
    <message numerus="yes">
        <source>Pièces jointes : %n fichier(s), {size}</source>
        <translation>
            <numerusform>Attachments: %n file, {size}</numerusform>
            <numerusform>Attachments: %n files, {size}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restent ici pour l&apos;instant : %n fichier(s), {size}</source>
        <translation>
            <numerusform>Stays here for now: %n file, {size}</numerusform>
            <numerusform>Stay here for now: %n files, {size}</numerusform>
        </translation>
    </message>
</context>
</TS>
