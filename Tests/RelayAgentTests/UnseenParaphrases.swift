/// The second TEST set of issue 13, written on 1 December 2026 by a writer who saw only the actions' names, descriptions
/// and parameter schemas (never the templates, the code or the other sets): 238 commands over every built-in action,
/// casual, polite, indirect and mistyped, and 76 non-commands (38 of them mention photos, alarms, settings… without
/// asking for anything). It was measured once, after the changes calibrated on the golden sentences, the held-out
/// paraphrases and the first test set (``freshParaphrases``, which those changes did look at); nothing has been tuned on
/// it. Same line format as ``textGoldenCases``.
let unseenParaphrases = #"""
# Unseen paraphrase test set for the simulated phone assistant.
# Format: <sentence> | <action name> key=value ...   or   <sentence> | -
# Live state: albums Trip, Family, "Vacation 2024", Cats; contacts "Anna Smith", "Bob Jones", Mom.

# --- camera.set_source
use beach.mov as the camera feed | camera.set_source path=beach.mov
hey can you point the camera at /Users/me/Movies/street.mp4 | camera.set_source path=/Users/me/Movies/street.mp4
set the camera source to ~/Videos/traffic.mov starting 30 seconds in | camera.set_source path=~/Videos/traffic.mov start=30
I want the camera to film the picture kitchen.jpg | camera.set_source path=kitchen.jpg
make the camera play "fish tank.mp4" from the 2 minute mark | camera.set_source path="fish tank.mp4" start=120
camra source should be /tmp/park.mp4 | camera.set_source path=/tmp/park.mp4

# --- camera.take_photo
take a picture | camera.take_photo
snap a photo | camera.take_photo
could you please take a photo for me | camera.take_photo
say cheese! shoot a pic right now | camera.take_photo
capture a photo and put it in the Cats album | camera.take_photo album=Cats
take a picture and add it to Vacation 2024 | camera.take_photo album="Vacation 2024"
grab a quick shot with the camera | camera.take_photo
take a photo and save it to a new album called Birthday | camera.take_photo album=Birthday
tak a photo pls | camera.take_photo

# --- camera.record_clip
record a video | camera.record_clip
record a 30 second clip | camera.record_clip duration=30
film for two minutes | camera.record_clip duration=120
start recording a video for 45 seconds and put it in the Trip album | camera.record_clip duration=45 album=Trip
could you shoot a quick 5 sec clip | camera.record_clip duration=5
capture a one minute video | camera.record_clip duration=60

# --- camera.get_status
what's the camera looking at right now | camera.get_status
camera status please | camera.get_status
which file is the camera filming | camera.get_status
how many photos and clips has the camera taken so far | camera.get_status
whats the camera status | camera.get_status

# --- clock.set_alarm
wake me up at 6:30 | clock.set_alarm time="06:30"
set an alarm for 7 am | clock.set_alarm time="07:00"
alarm fr 7 | clock.set_alarm time="07:00"
could you set an alarm for half past seven in the morning | clock.set_alarm time="07:30"
I need an alarm at quarter past 9 pm | clock.set_alarm time="21:15"
set a gym alarm for 5:45 am | clock.set_alarm time="05:45" label=gym
alarm at 6 every weekday | clock.set_alarm time="06:00" repeat=weekdays
wake me at eight thirty on weekends | clock.set_alarm time="08:30" repeat=weekends
set a daily alarm at 22:00 called take pills | clock.set_alarm time="22:00" repeat=daily label="take pills"
um, set an alarm at noon | clock.set_alarm time="12:00"
okay so I need to get up at ten to six tomorrow, set an alarm | clock.set_alarm time="05:50"
alarm for seven fifteen every day labeled work | clock.set_alarm time="07:15" repeat=daily label=work

# --- clock.list_alarms
what alarms do I have | clock.list_alarms
show me my alarms | clock.list_alarms
list all alarms | clock.list_alarms
have I got any alarms set? | clock.list_alarms

# --- clock.cancel_alarm
cancel my 7am alarm | clock.cancel_alarm time="07:00"
delete the gym alarm | clock.cancel_alarm label=gym
remove the 6:30 alarm | clock.cancel_alarm time="06:30"
I don't need the 5:45 am alarm anymore, cancel it | clock.cancel_alarm time="05:45"
cancel the alarm | clock.cancel_alarm
get rid of the alarm labelled work | clock.cancel_alarm label=work

# --- clock.cancel_all_alarms
cancel all my alarms | clock.cancel_all_alarms
delete every alarm | clock.cancel_all_alarms
clear out all the alarms please | clock.cancel_all_alarms
I want no alarms at all, remove them all | clock.cancel_all_alarms
cancle all alarms | clock.cancel_all_alarms

# --- clock.set_timer
set a timer for 10 minutes | clock.set_timer duration=600
timer 90 seconds | clock.set_timer duration=90
start a 3 min timer for the eggs | clock.set_timer duration=180 label=eggs
could you please set a timer for an hour and a half | clock.set_timer duration=5400
pasta timer, 12 minutes | clock.set_timer duration=720 label=pasta
start a countdown for 45 seconds | clock.set_timer duration=45
set a timr for 5 minutes | clock.set_timer duration=300
I need a quarter of an hour timer | clock.set_timer duration=900
set a timer for two hours called laundry | clock.set_timer duration=7200 label=laundry
hey, timer for 1 minute 30 seconds | clock.set_timer duration=90
set a twenty five minute timer for the pizza | clock.set_timer duration=1500 label=pizza

# --- clock.list_timers
how much time is left on my timer | clock.list_timers
what timers are running | clock.list_timers
show me my timers | clock.list_timers
hows my timer doing | clock.list_timers

# --- clock.cancel_timer
cancel the timer | clock.cancel_timer
stop the pasta timer | clock.cancel_timer label=pasta
cancel the eggs timer | clock.cancel_timer label=eggs
kill all my timers | clock.cancel_timer
never mind the laundry timer, cancel it | clock.cancel_timer label=laundry

# --- messages.send_message
text Mom I'm on my way | messages.send_message to=Mom body="I'm on my way"
send a message to Bob saying running 10 minutes late | messages.send_message to="Bob Jones" body="running 10 minutes late"
tell Anna that dinner is at 8 | messages.send_message to="Anna Smith" body="dinner is at 8"
could you please message Bob Jones: see you tomorrow | messages.send_message to="Bob Jones" body="see you tomorrow"
txt mom love you | messages.send_message to=Mom body="love you"
send Anna Smith a text that says happy birthday | messages.send_message to="Anna Smith" body="happy birthday"
message mom, call me when you land | messages.send_message to=Mom body="call me when you land"
hey send bob a message, the meeting moved to 3pm | messages.send_message to="Bob Jones" body="the meeting moved to 3pm"
let Anna know I'll bring the wine | messages.send_message to="Anna Smith" body="I'll bring the wine"
shoot a text to Mom saying dont wait up | messages.send_message to=Mom body="dont wait up"
write to Bob: thanks for the photos | messages.send_message to="Bob Jones" body="thanks for the photos"

# --- messages.read_messages
read my messages | messages.read_messages
show me my new messages | messages.read_messages unread_only=true
any unread texts? read them to me | messages.read_messages unread_only=true
read me the messages from Mom | messages.read_messages from=Mom
what did Anna send me | messages.read_messages from="Anna Smith"
read my last 3 messages from Bob | messages.read_messages from="Bob Jones" limit=3
show the 10 newest messages | messages.read_messages limit=10
read my unread messages from anna | messages.read_messages from="Anna Smith" unread_only=true

# --- messages.count_unread
how many unread messages do I have | messages.count_unread
how many new texts have I got | messages.count_unread
how many messages from Mom haven't I read | messages.count_unread from=Mom
count my unread messages from Bob | messages.count_unread from="Bob Jones"
whats my unread message count | messages.count_unread
how many unread from anna smith? | messages.count_unread from="Anna Smith"

# --- messages.add_contact
add a contact named Carlos Diaz | messages.add_contact name="Carlos Diaz"
save a new contact, Lisa Park, number 555-0142 | messages.add_contact name="Lisa Park" phone=555-0142
could you add Tom Becker to my contacts with the phone number +1 415 555 0199 | messages.add_contact name="Tom Becker" phone="+1 415 555 0199"
new contact: Priya Shah | messages.add_contact name="Priya Shah"
create a contact for Dr. Miller at 020 7946 0958 | messages.add_contact name="Dr. Miller" phone="020 7946 0958"

# --- messages.list_contacts
show my contacts | messages.list_contacts
who's in my contacts | messages.list_contacts
list all contacts | messages.list_contacts
what contacts do I have saved | messages.list_contacts
pull up my address book | messages.list_contacts

# --- photos.import_media
import ~/Pictures/holiday.jpg | photos.import_media path=~/Pictures/holiday.jpg
import everything in the folder /Users/me/DCIM into the Trip album | photos.import_media path=/Users/me/DCIM album=Trip
bring "/Volumes/SD Card/clip.mov" into my library and keep a copy | photos.import_media path="/Volumes/SD Card/clip.mov" copy=true
import the part of race.mp4 from 1 minute in, 20 seconds long | photos.import_media path=race.mp4 start=60 duration=20
please add the photos in ~/Downloads/party to my library | photos.import_media path=~/Downloads/party
import wedding.mov as a copy into a new album Wedding | photos.import_media path=wedding.mov copy=true album=Wedding

# --- photos.search_media
show me my videos | photos.search_media kind=video
show my favourite photos | photos.search_media favorites=true kind=photo
pictures from yesterday | photos.search_media kind=photo when=yesterday
find photos from last week | photos.search_media kind=photo when=last_week
what's in the Cats album | photos.search_media album=Cats
show me blue photos | photos.search_media label=blue kind=photo
any landscape pics from March? | photos.search_media label=landscape kind=photo when=march
show what's in recently deleted | photos.search_media recently_deleted=true
find the videos I took today | photos.search_media kind=video when=today
show me 5 photos from the Vacation 2024 album | photos.search_media limit=5 kind=photo album="Vacation 2024"
my favorite videos from this month | photos.search_media favorites=true kind=video when=this_month
pics from the last 3 days | photos.search_media kind=photo when=last_3_days
photos from 2 days ago | photos.search_media kind=photo when=2_days_ago
stuff I shot on Monday | photos.search_media when=monday
show portrait photos in the Family album | photos.search_media label=portrait kind=photo album=Family

# --- photos.list_albums
what albums do I have | photos.list_albums
list my albums | photos.list_albums
show me all my photo albums | photos.list_albums
how many photos are in each album? | photos.list_albums

# --- photos.create_album
create an album called Hiking | photos.create_album name=Hiking
make a new album named Summer 2025 | photos.create_album name="Summer 2025"
new photo album: Dogs | photos.create_album name=Dogs
could you start an album for Grandma's Birthday | photos.create_album name="Grandma's Birthday"
creat album Road Trip | photos.create_album name="Road Trip"

# --- photos.rename_album
rename the Trip album to Japan Trip | photos.rename_album album=Trip new_name="Japan Trip"
change the name of Cats to Kitties | photos.rename_album album=Cats new_name=Kitties
call the Vacation 2024 album Italy 2024 instead | photos.rename_album album="Vacation 2024" new_name="Italy 2024"
can you rename Family to Relatives please | photos.rename_album album=Family new_name=Relatives

# --- photos.delete_album
delete the Cats album | photos.delete_album album=Cats
get rid of the album Trip | photos.delete_album album=Trip
remove the Vacation 2024 album, keep the photos though | photos.delete_album album="Vacation 2024"
I don't need the Family album anymore, delete it | photos.delete_album album=Family

# --- photos.add_to_album
add photo 7 to Trip | photos.add_to_album album=Trip photo=7
put my last 3 photos in the Cats album | photos.add_to_album album=Cats latest=3 kind=photo
add all of yesterday's pictures to Family | photos.add_to_album album=Family when=yesterday kind=photo all=true
could you add every video from last week to the Trip album | photos.add_to_album album=Trip kind=video when=last_week all=true
stick photo 31 in Vacation 2024 | photos.add_to_album album="Vacation 2024" photo=31

# --- photos.remove_from_album
remove photo 7 from Trip | photos.remove_from_album album=Trip photo=7
take photo 4 out of the Family album | photos.remove_from_album album=Family photo=4
take the last 2 pictures out of the Cats album | photos.remove_from_album album=Cats latest=2 kind=photo
remove all of last month's videos from Vacation 2024 | photos.remove_from_album album="Vacation 2024" when=last_month kind=video all=true
pull photo 15 out of trip | photos.remove_from_album album=Trip photo=15

# --- photos.favorite_photos
favorite photo 12 | photos.favorite_photos photo=12
mark photo 3 as a favourite | photos.favorite_photos photo=3
heart my last 4 pictures | photos.favorite_photos latest=4 kind=photo
add all of today's photos to favorites | photos.favorite_photos when=today kind=photo all=true
favourtie the last 2 videos | photos.favorite_photos latest=2 kind=video
I love photo 20, make it a favorite | photos.favorite_photos photo=20

# --- photos.unfavorite_photos
unfavorite photo 12 | photos.unfavorite_photos photo=12
remove photo 9 from my favourites | photos.unfavorite_photos photo=9
un-heart the last 2 videos | photos.unfavorite_photos latest=2 kind=video
take all of last week's photos out of favorites | photos.unfavorite_photos when=last_week kind=photo all=true
photo 5 isn't a favorite anymore, unmark it | photos.unfavorite_photos photo=5

# --- photos.delete_photos
delete photo 5 | photos.delete_photos photo=5
trash the last 4 pictures | photos.delete_photos latest=4 kind=photo
wipe all the videos from last week | photos.delete_photos kind=video when=last_week all=true
erase every photo I took yesterday | photos.delete_photos kind=photo when=yesterday all=true
delet photo 23 | photos.delete_photos photo=23
get rid of my 10 most recent videos | photos.delete_photos latest=10 kind=video

# --- photos.recover_photos
restore photo 3 | photos.recover_photos photo=3
recover everything from recently deleted | photos.recover_photos
bring back photo 18, I deleted it by accident | photos.recover_photos photo=18
undelete all the stuff in the trash | photos.recover_photos
can you get back everything I deleted | photos.recover_photos

# --- photos.empty_recently_deleted
empty recently deleted | photos.empty_recently_deleted
permanently delete everything in recently deleted | photos.empty_recently_deleted
clear out the recently deleted folder for good | photos.empty_recently_deleted
empty the photo trash please | photos.empty_recently_deleted
empty recently deleted pls, I need the space | photos.empty_recently_deleted

# --- settings.set_toggle
turn on wifi | settings.set_toggle toggle=wifi on=true
kill the wifi | settings.set_toggle toggle=wifi on=false
turn of the wifi | settings.set_toggle toggle=wifi on=false
could you disable the wi-fi | settings.set_toggle toggle=wifi on=false
enable bluetooth | settings.set_toggle toggle=bluetooth on=true
bluetoth off | settings.set_toggle toggle=bluetooth on=false
I need bluetooth on for my headphones | settings.set_toggle toggle=bluetooth on=true
switch on do not disturb | settings.set_toggle toggle=do_not_disturb on=true
I'm in a meeting, put my phone on do not disturb | settings.set_toggle toggle=do_not_disturb on=true
turn off dnd | settings.set_toggle toggle=do_not_disturb on=false
I'm boarding a plane, turn on airplane mode | settings.set_toggle toggle=airplane_mode on=true
get out of airplane mode | settings.set_toggle toggle=airplane_mode on=false
airplane mode on | settings.set_toggle toggle=airplane_mode on=true
enable dark mode please | settings.set_toggle toggle=dark_mode on=true
switch to light mode | settings.set_toggle toggle=dark_mode on=false
dark mode off, it's hard to read | settings.set_toggle toggle=dark_mode on=false

# --- settings.flip_toggle
toggle wifi | settings.flip_toggle toggle=wifi
flip bluetooth | settings.flip_toggle toggle=bluetooth
toggle dark mode | settings.flip_toggle toggle=dark_mode
toggle do not disturb | settings.flip_toggle toggle=do_not_disturb
switch airplane mode to the opposite setting | settings.flip_toggle toggle=airplane_mode

# --- settings.get_toggle
is wifi on | settings.get_toggle toggle=wifi
is bluetooth enabled? | settings.get_toggle toggle=bluetooth
am I in airplane mode | settings.get_toggle toggle=airplane_mode
is do not disturb on right now | settings.get_toggle toggle=do_not_disturb
whats the status of dark mode | settings.get_toggle toggle=dark_mode
is my wi-fi switched off? | settings.get_toggle toggle=wifi

# --- settings.set_level
set the volume to 40 | settings.set_level level=volume percent=40
brightness 70 percent | settings.set_level level=brightness percent=70
put the volume at half | settings.set_level level=volume percent=50
max brightness please | settings.set_level level=brightness percent=100
set volume to zero | settings.set_level level=volume percent=0
could you set the screen brightness to eighty percent | settings.set_level level=brightness percent=80
turn the volume all the way up | settings.set_level level=volume percent=100
brightnes to 25 | settings.set_level level=brightness percent=25
volume 65% | settings.set_level level=volume percent=65

# --- settings.adjust_level
volume up | settings.adjust_level level=volume direction=up
turn the volume down a bit | settings.adjust_level level=volume direction=down
make the screen brighter | settings.adjust_level level=brightness direction=up
dim the screen a little | settings.adjust_level level=brightness direction=down
it's too dark in here, brighter screen please | settings.adjust_level level=brightness direction=up
raise the volume by 20 | settings.adjust_level level=volume direction=up step=20
lower brightness by 15 percent | settings.adjust_level level=brightness direction=down step=15
I'd like the phone a bit quieter | settings.adjust_level level=volume direction=down
louder please, I can't hear anything | settings.adjust_level level=volume direction=up
volumn up by 5 | settings.adjust_level level=volume direction=up step=5
my eyes hurt, can you turn the brightness down | settings.adjust_level level=brightness direction=down

# --- settings.get_level
what's the volume at | settings.get_level level=volume
how bright is my screen | settings.get_level level=brightness
whats my brightness level | settings.get_level level=brightness
how loud is the phone set right now | settings.get_level level=volume

# --- settings.show_settings
show me all my settings | settings.show_settings
what are my current settings | settings.show_settings
give me an overview of the phone settings | settings.show_settings
list every setting | settings.show_settings

# --- non-commands
# chit-chat and general questions
hello there | -
thanks, that's all | -
how are you today | -
tell me a joke | -
what's the capital of France | -
who won the game last night | -
what time is it in Tokyo | -
what's the weather like tomorrow | -
never mind | -
what can you do | -
good morning! | -
you're pretty helpful | -
how many days until Christmas | -
what's 15 times 12 | -
lol ok | -
# requests for other apps or services this phone does not have
call Bob Jones | -
email the report to Anna | -
play some jazz | -
navigate to the nearest gas station | -
add a dentist appointment to my calendar on Friday | -
remind me to buy milk when I get home | -
order a pizza | -
search the web for cheap flights to Rome | -
open Instagram | -
post my beach picture on Facebook | -
what's my battery level | -
translate hello into Spanish | -
book an Uber to the airport | -
FaceTime Anna | -
play the next episode on Netflix | -
# actions on things this phone lacks
turn on the flashlight | -
set the thermostat to 20 | -
turn off the living room lights | -
lock the front door | -
turn on the hotspot | -
enable location services | -
change my ringtone to something calm | -
start the robot vacuum | -
# sentences that mention photos, albums, alarms, timers, messages, contacts, settings or the camera without asking for anything
my alarm clock broke this morning | -
the wifi at the cafe was so slow | -
I sent him the photos already | -
Anna's messages are always way too long | -
the timer on my oven is broken | -
we took so many pictures on the trip | -
the Cats album is my favorite one | -
my bluetooth headphones died again | -
airplane mode on the flight was actually relaxing | -
honestly dark mode just looks better | -
I overslept because I forgot to set an alarm | -
Bob never answers his texts | -
the camera on my old phone was terrible | -
the volume at that concert was insane | -
Mom took a great picture of the kids | -
the brightness of the sun today is unreal | -
I need to buy a new kitchen timer | -
my sister deleted all her vacation photos by accident | -
do not disturb signs in hotels never work | -
the hotel wifi password was on the receipt | -
I got a weird text from an unknown number yesterday | -
my contacts list is such a mess | -
Grandma still prints her photos and puts them in albums | -
I used to have an alarm at 6 every day | -
the video I recorded last night came out blurry | -
my friend's new camera shoots in 8K | -
I turned the brightness down yesterday and forgot about it | -
Anna Smith is my cousin | -
my favorite photo is the one from the beach | -
Bob's wifi is faster than mine | -
I can never remember how to turn on bluetooth in my car | -
mom sent me a message saying she's fine | -
the album cover for that record is iconic | -
we set the alarm system at the office before leaving | -
the screen on my laptop is way too dim | -
I deleted that contact years ago | -
the photos from 2019 are on my old hard drive | -
timers in board games stress me out | -
"""#
