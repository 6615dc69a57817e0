<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="fr">
<context>
    <name>AnnouncementsPanel</name>
    <message numerus="yes">
        <source>(%n nouvelle(s))</source>
        <translation>
            <numerusform>(%n nouvelle)</numerusform>
            <numerusform>(%n nouvelles)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… et %n annonce(s) plus ancienne(s).</source>
        <translation>
            <numerusform>… et %n annonce plus ancienne.</numerusform>
            <numerusform>… et %n annonces plus anciennes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataController</name>
    <message numerus="yes">
        <source>%n note(s) exportée(s) dans :
{p}</source>
        <translation>
            <numerusform>%n note exportée dans :
{p}</numerusform>
            <numerusform>%n notes exportées dans :
{p}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entrée(s) exportée(s) dans :
{p}</source>
        <translation>
            <numerusform>%n entrée exportée dans :
{p}</numerusform>
            <numerusform>%n entrées exportées dans :
{p}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pièce(s) jointe(s)</source>
        <translation>
            <numerusform>%n pièce jointe</numerusform>
            <numerusform>%n pièces jointes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entrée(s)</source>
        <translation>
            <numerusform>%n entrée</numerusform>
            <numerusform>%n entrées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message numerus="yes">
        <source>%n caractère(s)</source>
        <translation>
            <numerusform>%n caractère</numerusform>
            <numerusform>%n caractères</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message numerus="yes">
        <source>%n leçon(s) terminée(s) sur {total} · temps passé : {time}</source>
        <translation>
            <numerusform>%n leçon terminée sur {total} · temps passé : {time}</numerusform>
            <numerusform>%n leçons terminées sur {total} · temps passé : {time}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message numerus="yes">
        <source>%n pièce(s) jointe(s)</source>
        <translation>
            <numerusform>%n pièce jointe</numerusform>
            <numerusform>%n pièces jointes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Supprimer définitivement %n entrée(s) de la corbeille ? Leur texte, leur historique et leurs pièces jointes seront effacés.</source>
        <translation>
            <numerusform>Supprimer définitivement %n entrée de la corbeille ? Son texte, son historique et ses pièces jointes seront effacés.</numerusform>
            <numerusform>Supprimer définitivement %n entrées de la corbeille ? Leur texte, leur historique et leurs pièces jointes seront effacés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n résultat(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MyCompetencies</name>
    <message numerus="yes">
        <source>%n preuve(s)</source>
        <translation>
            <numerusform>%n preuve</numerusform>
            <numerusform>%n preuves</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PendingView</name>
    <message numerus="yes">
        <source>%n changement(s) en attente de la prochaine synchronisation. Rien n&apos;est jamais abandonné : un changement refusé reste ici avec la raison.</source>
        <translation>
            <numerusform>%n changement en attente de la prochaine synchronisation. Rien n&apos;est jamais abandonné : un changement refusé reste ici avec la raison.</numerusform>
            <numerusform>%n changements en attente de la prochaine synchronisation. Rien n&apos;est jamais abandonné : un changement refusé reste ici avec la raison.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>À recevoir plus tard : %n fichier(s) du groupe ({r}).</source>
        <translation>
            <numerusform>À recevoir plus tard : %n fichier du groupe ({r}).</numerusform>
            <numerusform>À recevoir plus tard : %n fichiers du groupe ({r}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message numerus="yes">
        <source>%n résultat(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SharingController</name>
    <message numerus="yes">
        <source>%n module(s) plus récent(s) disponible(s) : Partage › Mettre à jour les modules.</source>
        <translation>
            <numerusform>%n module plus récent disponible : Partage › Mettre à jour les modules.</numerusform>
            <numerusform>%n modules plus récents disponibles : Partage › Mettre à jour les modules.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncFilesController</name>
    <message numerus="yes">
        <source>%n changement(s) refusé(s) : voir Partage › En attente d&apos;envoi.</source>
        <translation>
            <numerusform>%n changement refusé : voir Partage › En attente d&apos;envoi.</numerusform>
            <numerusform>%n changements refusés : voir Partage › En attente d&apos;envoi.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncService</name>
    <message numerus="yes">
        <source>À jour ({t}) — %n changement(s) refusé(s), voir « En attente »</source>
        <translation>
            <numerusform>À jour ({t}) — %n changement refusé, voir « En attente »</numerusform>
            <numerusform>À jour ({t}) — %n changements refusés, voir « En attente »</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>À jour ({t}) — %n élément(s) reçu(s) laissé(s) de côté, voir « En attente »</source>
        <translation>
            <numerusform>À jour ({t}) — %n élément reçu laissé de côté, voir « En attente »</numerusform>
            <numerusform>À jour ({t}) — %n éléments reçus laissés de côté, voir « En attente »</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synchronisé à {t} — %n en attente</source>
        <translation>
            <numerusform>Synchronisé à {t} — %n en attente</numerusform>
            <numerusform>Synchronisé à {t} — %n en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>À jour ({t}) — connexion limitée : %n fichier(s) attendent, voir « En attente »</source>
        <translation>
            <numerusform>À jour ({t}) — connexion limitée : %n fichier attend, voir « En attente »</numerusform>
            <numerusform>À jour ({t}) — connexion limitée : %n fichiers attendent, voir « En attente »</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TransfersPanel</name>
    <message numerus="yes">
        <source>%n fichier(s) à transférer ({size})</source>
        <translation>
            <numerusform>%n fichier à transférer ({size})</numerusform>
            <numerusform>%n fichiers à transférer ({size})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeekPath</name>
    <message numerus="yes">
        <source>{d}/%n leçon(s)</source>
        <translation>
            <numerusform>{d}/%n leçon</numerusform>
            <numerusform>{d}/%n leçons</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WhatLeavesLabel</name>
    <message numerus="yes">
        <source>Ce qui quittera cet appareil : %n élément(s)</source>
        <translation>
            <numerusform>Ce qui quittera cet appareil : %n élément</numerusform>
            <numerusform>Ce qui quittera cet appareil : %n éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Partagé avec un groupe : %n élément(s)</source>
        <translation>
            <numerusform>Partagé avec un groupe : %n élément</numerusform>
            <numerusform>Partagé avec un groupe : %n éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… et %n autre(s)</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pièces jointes : %n fichier(s), {size}</source>
        <translation>
            <numerusform>Pièces jointes : %n fichier, {size}</numerusform>
            <numerusform>Pièces jointes : %n fichiers, {size}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restent ici pour l&apos;instant : %n fichier(s), {size}</source>
        <translation>
            <numerusform>Reste ici pour l&apos;instant : %n fichier, {size}</numerusform>
            <numerusform>Restent ici pour l&apos;instant : %n fichiers, {size}</numerusform>
        </translation>
    </message>
</context>
</TS>
